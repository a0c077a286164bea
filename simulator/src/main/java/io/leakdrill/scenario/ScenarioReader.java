package io.leakdrill.scenario;

import io.leakdrill.grader.Rubric;
import io.leakdrill.world.monitor.Metric;
import io.leakdrill.world.users.RequestMix;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns scenario JSON into a {@link Scenario}, reporting every structural, type and reference problem. */
public final class ScenarioReader {

    private static final Set<String> TOP = Set.of("id", "title", "difficulty", "summary", "briefing", "clock", "crm",
            "traffic", "leak", "monitor", "alerts", "timeline", "patches", "answer", "rubric");
    private static final Set<String> DIFFICULTY = Set.of("easy", "medium", "hard");
    private static final Set<String> GC = Set.of("g1", "parallel", "serial");
    private static final Set<String> STORY_KINDS = Set.of("ticket", "chat", "page", "change");
    private static final Set<String> SEVERITIES = Set.of("SEV1", "SEV2", "SEV3");
    private static final Set<String> ACTIONS = Set.of("search", "open-customer", "update-deal", "create-deal",
            "export-report");

    private ScenarioReader() {
    }

    public static Scenario read(String source, String text) throws ScenarioException {
        LocatedJson doc = LocatedJson.parse(source, text);
        if (doc.root().getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ScenarioException(source, List.of(new ScenarioProblem("$", 1, "expected a JSON object")));
        }
        Checker c = new Checker(doc);
        JsonObject root = doc.root().asJsonObject();
        c.onlyKnown(root, "$", TOP);

        String id = c.string(root, "$", "id", null);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            c.problem("$.id", "'" + id + "' is not a valid id (lower-case letters, digits and dashes)");
        }
        String title = c.string(root, "$", "title", null);
        String difficulty = c.oneOf(root, "$", "difficulty", null, DIFFICULTY);
        String summary = c.string(root, "$", "summary", "");
        String briefing = c.string(root, "$", "briefing", null);

        JsonObject clock = c.object(root, "$", "clock");
        c.onlyKnown(clock, "$.clock", Set.of("start", "speed", "duration"));
        OffsetDateTime start = OffsetDateTime.parse("2021-08-12T15:45:00-05:00");
        String startText = c.string(clock, "$.clock", "start", null);
        try {
            start = OffsetDateTime.parse(startText);
        } catch (DateTimeParseException e) {
            c.problem("$.clock.start", "'" + startText + "' is not a date-time with offset like 2021-08-12T15:45:00-05:00");
        }
        double speed = c.number(clock, "$.clock", "speed", null, 0.1, 10_000);
        Duration duration = c.duration(clock, "$.clock", "duration", null);

        Scenario.Crm crm = crm(c, c.object(root, "$", "crm"));
        Scenario.Traffic traffic = traffic(c, c.object(root, "$", "traffic"));

        JsonObject leakJson = c.object(root, "$", "leak");
        c.onlyKnown(leakJson, "$.leak", Set.of("startFloorRatio", "exhaustedRatio", "exhaustedAt"));
        Scenario.Leak leak = new Scenario.Leak(
                c.number(leakJson, "$.leak", "startFloorRatio", null, 0, 0.99),
                c.number(leakJson, "$.leak", "exhaustedRatio", null, 0.1, 1.0),
                c.duration(leakJson, "$.leak", "exhaustedAt", null));
        if (leak.exhaustedRatio() <= leak.startFloorRatio()) {
            c.problem("$.leak.exhaustedRatio", "must be above startFloorRatio, or the leak has nowhere to grow");
        }

        JsonObject monitor = root.containsKey("monitor") ? c.object(root, "$", "monitor") : JsonValue.EMPTY_JSON_OBJECT;
        c.onlyKnown(monitor, "$.monitor", Set.of("interval"));
        Duration interval = c.duration(monitor, "$.monitor", "interval", "15s");

        List<Scenario.AlertRule> alerts = alerts(c, c.array(root, "$", "alerts"));
        List<Scenario.StoryEvent> timeline = timeline(c, c.array(root, "$", "timeline"));
        List<Scenario.Patch> patches = patches(c, c.array(root, "$", "patches"), crm.components());

        JsonObject answer = c.object(root, "$", "answer");
        c.onlyKnown(answer, "$.answer", Set.of("component", "fix"));
        String answerComponent = c.string(answer, "$.answer", "component", null);
        String fix = c.string(answer, "$.answer", "fix", null);
        if (!answerComponent.isEmpty() && !crm.components().contains(answerComponent)) {
            c.problem("$.answer.component", "'" + answerComponent + "' is not one of crm.components");
        }
        if (!answerComponent.equals(crm.leakingComponent())) {
            c.problem("$.answer.component", "must name the leaking component '" + crm.leakingComponent() + "'");
        }
        if (!fix.isEmpty() && patches.stream().noneMatch(p -> p.id().equals(fix))) {
            c.problem("$.answer.fix", "'" + fix + "' is not one of the patches");
        }
        if (root.containsKey("rubric")) {
            try {
                Rubric.of(root);
            } catch (RuntimeException e) {
                c.problem("$.rubric", e.getMessage());
            }
        }
        if (!c.problems().isEmpty()) {
            throw new ScenarioException(source, c.problems());
        }
        return new Scenario(id, title, difficulty, summary, briefing, start, speed, duration, crm, traffic, leak,
                interval, alerts, timeline, patches, root);
    }

    private static Scenario.Crm crm(Checker c, JsonObject crm) {
        c.onlyKnown(crm, "$.crm", Set.of("heapMb", "gc", "onOutOfMemory", "components", "leakingComponent"));
        int heap = (int) c.number(crm, "$.crm", "heapMb", null, 32, 4096);
        String gc = c.oneOf(crm, "$.crm", "gc", "g1", GC);
        String onOom = c.oneOf(crm, "$.crm", "onOutOfMemory", "degrade", Set.of("degrade", "crash"));
        List<String> components = new ArrayList<>();
        JsonArray array = c.array(crm, "$.crm", "components");
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof jakarta.json.JsonString s) {
                components.add(s.getString());
            } else {
                c.problem("$.crm.components[" + i + "]", "expected a component id");
            }
        }
        String leaking = c.string(crm, "$.crm", "leakingComponent", null);
        if (!leaking.isEmpty() && !components.contains(leaking)) {
            c.problem("$.crm.leakingComponent", "'" + leaking + "' is not one of crm.components " + components);
        }
        return new Scenario.Crm(heap, gc, "crash".equals(onOom), List.copyOf(components), leaking);
    }

    private static Scenario.Traffic traffic(Checker c, JsonObject traffic) {
        c.onlyKnown(traffic, "$.traffic", Set.of("users", "thinkTimeMs", "timeoutMs", "slowMs", "mix"));
        int users = (int) c.number(traffic, "$.traffic", "users", null, 1, 500);
        long think = (long) c.number(traffic, "$.traffic", "thinkTimeMs", null, 10, 60_000);
        long timeout = (long) c.number(traffic, "$.traffic", "timeoutMs", null, 100, 120_000);
        long slow = (long) c.number(traffic, "$.traffic", "slowMs", null, 1, 120_000);
        JsonObject mixJson = c.object(traffic, "$.traffic", "mix");
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String action : mixJson.keySet()) {
            if (!ACTIONS.contains(action)) {
                c.problem("$.traffic.mix." + action, "unknown action '" + action + "' (expected one of "
                        + String.join(", ", ACTIONS.stream().sorted().toList()) + ")");
                continue;
            }
            mix.put(action, (int) c.number(mixJson, "$.traffic.mix", action, null, 0, 1000));
        }
        if (mix.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            c.problem("$.traffic.mix", "needs at least one action with a positive weight");
            mix.put("search", 1);
        }
        new RequestMix(mix);
        return new Scenario.Traffic(users, think, timeout, slow, Map.copyOf(mix));
    }

    private static List<Scenario.AlertRule> alerts(Checker c, JsonArray array) {
        List<Scenario.AlertRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.alerts[" + i + "]";
            JsonObject rule = c.element(array, i, "$.alerts");
            c.onlyKnown(rule, path, Set.of("id", "metric", "above", "for", "severity", "summary"));
            String id = c.string(rule, path, "id", null);
            if (!ids.add(id)) {
                c.problem(path + ".id", "duplicate alert rule id '" + id + "'");
            }
            String metric = c.string(rule, path, "metric", null);
            if (Metric.byId(metric).isEmpty()) {
                c.problem(path + ".metric", "unknown metric '" + metric + "' (known: " + String.join(", ",
                        java.util.Arrays.stream(Metric.values()).map(Metric::id).toList()) + ")");
            }
            rules.add(new Scenario.AlertRule(id, metric, c.number(rule, path, "above", null, -1e12, 1e12),
                    c.duration(rule, path, "for", "0s"), c.oneOf(rule, path, "severity", "SEV2", SEVERITIES),
                    c.string(rule, path, "summary", null)));
        }
        return List.copyOf(rules);
    }

    private static List<Scenario.StoryEvent> timeline(Checker c, JsonArray array) {
        List<Scenario.StoryEvent> events = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.timeline[" + i + "]";
            JsonObject event = c.element(array, i, "$.timeline");
            c.onlyKnown(event, path, Set.of("id", "at", "kind", "from", "text"));
            events.add(new Scenario.StoryEvent(c.string(event, path, "id", null), c.duration(event, path, "at", null),
                    c.oneOf(event, path, "kind", null, STORY_KINDS), c.string(event, path, "from", null),
                    c.string(event, path, "text", null)));
        }
        events.sort((a, b) -> a.at().compareTo(b.at()));
        return List.copyOf(events);
    }

    private static List<Scenario.Patch> patches(Checker c, JsonArray array, List<String> components) {
        List<Scenario.Patch> patches = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.patches[" + i + "]";
            JsonObject patch = c.element(array, i, "$.patches");
            c.onlyKnown(patch, path, Set.of("id", "title", "kind", "component", "variant", "heapMb", "bandAid"));
            String id = c.string(patch, path, "id", null);
            if (!ids.add(id)) {
                c.problem(path + ".id", "duplicate patch id '" + id + "'");
            }
            String kind = c.oneOf(patch, path, "kind", null, Set.of("code", "jvm"));
            String component = "";
            String variant = "";
            int heap = 0;
            if (kind.equals("code")) {
                component = c.string(patch, path, "component", null);
                variant = c.string(patch, path, "variant", null);
                if (!component.isEmpty() && !components.contains(component)) {
                    c.problem(path + ".component", "'" + component + "' is not one of crm.components " + components);
                }
            } else if (kind.equals("jvm")) {
                heap = (int) c.number(patch, path, "heapMb", null, 32, 4096);
            }
            patches.add(new Scenario.Patch(id, c.string(patch, path, "title", null), kind, component, variant, heap,
                    c.bool(patch, path, "bandAid", false)));
        }
        return List.copyOf(patches);
    }
}
