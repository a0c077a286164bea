package io.leakdrill.scenario;

import io.leakdrill.grader.Rubric;
import io.leakdrill.world.monitor.Condition;
import io.leakdrill.world.monitor.MemoryArea;
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
            "traffic", "leak", "monitor", "alerts", "timeline", "decoys", "patches", "variants", "hints", "followUp", "runbooks",
            "rubric");
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
        String fileName = java.nio.file.Path.of(source).getFileName().toString();
        if (fileName.endsWith(".json") && !fileName.equals(id + ".json")) {
            c.problem("$.id", "'" + id + "' does not match the file name " + fileName + " (play and list find a"
                    + " scenario by its file name)");
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
        Duration duration = c.positiveDuration(clock, "$.clock", "duration", null);

        Scenario.Crm crm = crm(c, c.object(root, "$", "crm"));
        Scenario.Traffic traffic = traffic(c, c.object(root, "$", "traffic"));

        JsonObject leakJson = c.object(root, "$", "leak");
        c.onlyKnown(leakJson, "$.leak", Set.of("startFloorRatio", "exhaustedRatio", "exhaustedAt"));
        Scenario.Leak leak = new Scenario.Leak(
                c.number(leakJson, "$.leak", "startFloorRatio", null, 0, 0.99),
                c.number(leakJson, "$.leak", "exhaustedRatio", null, 0.1, 1.0),
                c.positiveDuration(leakJson, "$.leak", "exhaustedAt", null));
        if (leak.exhaustedAt().compareTo(duration) > 0 && !duration.isZero()) {
            c.problem("$.leak.exhaustedAt", "comes after the incident's planned duration (" + duration.toMinutes()
                    + "m); the leak would never reach exhaustion during the drill");
        }
        if (leak.exhaustedRatio() <= leak.startFloorRatio()) {
            c.problem("$.leak.exhaustedRatio", "must be above startFloorRatio, or the leak has nowhere to grow");
        }

        JsonObject monitor = root.containsKey("monitor") ? c.object(root, "$", "monitor") : JsonValue.EMPTY_JSON_OBJECT;
        c.onlyKnown(monitor, "$.monitor", Set.of("interval"));
        Duration interval = c.positiveDuration(monitor, "$.monitor", "interval", "15s");

        List<Scenario.AlertRule> alerts = alerts(c, c.array(root, "$", "alerts"));
        List<Scenario.StoryEvent> timeline = timeline(c, c.array(root, "$", "timeline"), duration);
        List<Scenario.Decoy> decoys = root.containsKey("decoys") ? decoys(c, c.array(root, "$", "decoys"), duration) : List.of();
        List<Scenario.Patch> patches = patches(c, c.array(root, "$", "patches"), crm.components());
        // Variants may name a decoy whose own definition is broken; that is reported once, at the decoy.
        Set<String> decoyIds = new HashSet<>();
        if (root.get("decoys") instanceof JsonArray declared) {
            declared.stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject)
                    .forEach(d -> decoyIds.add(d.getString("id", "")));
        }
        List<Scenario.Variant> variants = variants(c, c.array(root, "$", "variants"), crm, patches,
                decoyIds);
        List<Scenario.Hint> hints = root.containsKey("hints") ? hints(c, c.array(root, "$", "hints")) : List.of();
        List<String> followUp = root.containsKey("followUp") ? c.strings(root, "$", "followUp") : List.of();
        List<String> runbooks = root.containsKey("runbooks") ? c.strings(root, "$", "runbooks") : List.of();
        if (root.containsKey("rubric")) {
            rubric(c, c.object(root, "$", "rubric"), root);
        }
        if (!c.problems().isEmpty()) {
            throw new ScenarioException(source, c.problems());
        }
        return new Scenario(id, title, difficulty, summary, briefing, start, speed, duration, crm, traffic, leak,
                interval, alerts, timeline, decoys, patches, variants, hints, followUp, runbooks, root);
    }

    private static Scenario.Crm crm(Checker c, JsonObject crm) {
        c.onlyKnown(crm, "$.crm", Set.of("heapMb", "gc", "onOutOfMemory", "components", "metaspaceMb",
                "directMemoryMb"));
        int heap = (int) c.integer(crm, "$.crm", "heapMb", null, 32, 4096);
        String gc = c.oneOf(crm, "$.crm", "gc", "g1", GC);
        String onOom = c.oneOf(crm, "$.crm", "onOutOfMemory", "degrade", Set.of("degrade", "crash"));
        List<String> components = c.strings(crm, "$.crm", "components");
        for (int i = 0; i < components.size(); i++) {
            if (CrmComponents.byId(components.get(i)).isEmpty()) {
                c.problem("$.crm.components[" + i + "]", "unknown component '" + components.get(i)
                        + "' (the CRM has: " + CrmComponents.ids() + ")");
            }
        }
        if (components.isEmpty() && crm.containsKey("components")) {
            c.problem("$.crm.components", "needs at least one component that can leak");
        }
        int metaspace = (int) c.integer(crm, "$.crm", "metaspaceMb", 0L, 16, 4096);
        int direct = (int) c.integer(crm, "$.crm", "directMemoryMb", 0L, 8, 4096);
        return new Scenario.Crm(heap, gc, "crash".equals(onOom), List.copyOf(components), metaspace, direct);
    }

    private static Scenario.Traffic traffic(Checker c, JsonObject traffic) {
        c.onlyKnown(traffic, "$.traffic", Set.of("users", "thinkTimeMs", "timeoutMs", "slowMs", "mix"));
        int users = (int) c.integer(traffic, "$.traffic", "users", null, 1, 500);
        long think = c.integer(traffic, "$.traffic", "thinkTimeMs", null, 10, 60_000);
        long timeout = c.integer(traffic, "$.traffic", "timeoutMs", null, 100, 120_000);
        long slow = c.integer(traffic, "$.traffic", "slowMs", null, 1, 120_000);
        if (slow > timeout && traffic.containsKey("timeoutMs")) {
            c.problem("$.traffic.slowMs", "must not exceed timeoutMs (" + timeout + "): a request cannot be slow"
                    + " after it has timed out");
        }
        JsonObject mixJson = c.object(traffic, "$.traffic", "mix");
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String action : mixJson.keySet()) {
            if (!ACTIONS.contains(action)) {
                c.problem("$.traffic.mix." + action, "unknown action '" + action + "' (expected one of "
                        + String.join(", ", ACTIONS.stream().sorted().toList()) + ")");
                continue;
            }
            mix.put(action, (int) c.integer(mixJson, "$.traffic.mix", action, null, 0, 1000));
        }
        if (mix.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            c.problem("$.traffic.mix", "needs at least one action with a positive weight");
            mix.put("search", 1);
        }
        new RequestMix(mix);
        return new Scenario.Traffic(users, think, timeout, slow, Map.copyOf(mix));
    }

    private static Condition condition(Checker c, JsonObject parent, String path, String key) {
        String text = c.string(parent, path, key, null);
        try {
            return Condition.parse(text);
        } catch (IllegalArgumentException e) {
            if (!text.isEmpty()) {
                c.problem(path + "." + key, e.getMessage());
            }
            return null;
        }
    }

    private static List<Scenario.AlertRule> alerts(Checker c, JsonArray array) {
        List<Scenario.AlertRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.alerts[" + i + "]";
            JsonObject rule = c.element(array, i, "$.alerts");
            c.onlyKnown(rule, path, Set.of("id", "expr", "for", "severity", "summary"));
            String id = c.uniqueId(rule, path, ids, "alert rule");
            Condition condition = condition(c, rule, path, "expr");
            rules.add(new Scenario.AlertRule(id, condition, c.duration(rule, path, "for", "0s"),
                    c.oneOf(rule, path, "severity", "SEV2", SEVERITIES), c.string(rule, path, "summary", null)));
        }
        return List.copyOf(rules);
    }

    /** Either {@code at} (an incident time) or {@code when} (a condition, optionally held {@code for} a while). */
    private static Scenario.Trigger trigger(Checker c, JsonObject item, String path, Duration incident) {
        boolean at = item.containsKey("at");
        boolean when = item.containsKey("when");
        if (at == when) {
            c.problem(path, at ? "give either 'at' or 'when', not both" : "missing 'at' (an incident time like"
                    + " \"15m\") or 'when' (a condition like \"user_p95_ms > 500\")");
            return Scenario.Trigger.at(Duration.ZERO);
        }
        if (at) {
            if (item.containsKey("for")) {
                c.problem(path + ".for", "'for' only goes with a 'when' condition");
            }
            Duration time = c.duration(item, path, "at", null);
            if (time.compareTo(incident) > 0 && !incident.isZero()) {
                c.problem(path + ".at", "comes after the incident's planned duration (" + incident.toMinutes()
                        + "m), so nobody would see it");
            }
            return Scenario.Trigger.at(time);
        }
        Condition condition = condition(c, item, path, "when");
        return Scenario.Trigger.when(condition, c.duration(item, path, "for", "0s"));
    }

    private static List<Scenario.StoryEvent> timeline(Checker c, JsonArray array, Duration incident) {
        List<Scenario.StoryEvent> events = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.timeline[" + i + "]";
            JsonObject event = c.element(array, i, "$.timeline");
            c.onlyKnown(event, path, Set.of("id", "at", "when", "for", "kind", "from", "text"));
            events.add(new Scenario.StoryEvent(c.uniqueId(event, path, ids, "timeline event"),
                    trigger(c, event, path, incident), c.oneOf(event, path, "kind", null, STORY_KINDS),
                    c.string(event, path, "from", null), c.string(event, path, "text", null)));
        }
        return List.copyOf(events);
    }

    private static List<Scenario.Decoy> decoys(Checker c, JsonArray array, Duration incident) {
        List<Scenario.Decoy> decoys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.decoys[" + i + "]";
            JsonObject decoy = c.element(array, i, "$.decoys");
            String id = c.uniqueId(decoy, path, ids, "decoy");
            String kindText = c.string(decoy, path, "kind", null);
            DecoyKind kind = DecoyKind.byId(kindText).orElse(null);
            Set<String> known = new HashSet<>(Set.of("id", "kind", "title", "at", "when", "for", "lasts"));
            if (kind == null) {
                if (!kindText.isEmpty()) {
                    c.problem(path + ".kind", "unknown decoy kind '" + kindText + "' (known: " + DecoyKind.ids()
                            + ")");
                }
                continue;
            }
            known.addAll(kind.params().keySet());
            c.onlyKnown(decoy, path, known);
            Map<String, Double> params = new LinkedHashMap<>();
            for (DecoyKind.Param p : kind.params().values()) {
                if (decoy.containsKey(p.name()) || p.fallback() == null) {
                    params.put(p.name(), p.whole() ? (double) c.integer(decoy, path, p.name(), null, (long) p.min(),
                            (long) p.max()) : c.number(decoy, path, p.name(), null, p.min(), p.max()));
                }
            }
            decoys.add(new Scenario.Decoy(id, kind, c.string(decoy, path, "title", kind.description()),
                    trigger(c, decoy, path, incident), c.positiveDuration(decoy, path, "lasts", null), Map.copyOf(params)));
        }
        return List.copyOf(decoys);
    }

    private static List<Scenario.Patch> patches(Checker c, JsonArray array, List<String> components) {
        List<Scenario.Patch> patches = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.patches[" + i + "]";
            JsonObject patch = c.element(array, i, "$.patches");
            c.onlyKnown(patch, path, Set.of("id", "title", "kind", "component", "version", "heapMb", "bandAid"));
            String id = c.uniqueId(patch, path, ids, "patch");
            String kind = c.oneOf(patch, path, "kind", null, Set.of("code", "jvm"));
            String component = "";
            String version = "";
            int heap = 0;
            if (kind.equals("code")) {
                component = c.string(patch, path, "component", null);
                version = c.string(patch, path, "version", null);
                if (!component.isEmpty() && !components.contains(component)) {
                    c.problem(path + ".component", "'" + component + "' is not one of crm.components " + components);
                } else if (!version.isEmpty()) {
                    var known = CrmComponents.byId(component).map(CrmComponents::versions).orElse(Set.of());
                    if (!known.isEmpty() && !known.contains(version)) {
                        c.problem(path + ".version", "'" + version + "' is not a version of " + component
                                + " (it has: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                    }
                }
            } else if (kind.equals("jvm")) {
                heap = (int) c.integer(patch, path, "heapMb", null, 32, 4096);
            }
            patches.add(new Scenario.Patch(id, c.string(patch, path, "title", null), kind, component, version, heap,
                    c.bool(patch, path, "bandAid", false)));
        }
        return List.copyOf(patches);
    }

    private static List<Scenario.Variant> variants(Checker c, JsonArray array, Scenario.Crm crm,
            List<Scenario.Patch> patches, Set<String> decoyIds) {
        List<String> components = crm.components();
        List<Scenario.Variant> variants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (array.isEmpty()) {
            c.problem("$.variants", "needs at least one variant (which component leaks and which patch fixes it)");
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "$.variants[" + i + "]";
            JsonObject variant = c.element(array, i, "$.variants");
            c.onlyKnown(variant, path, Set.of("id", "leakingComponent", "fix", "decoys"));
            String id = c.uniqueId(variant, path, ids, "variant");
            String leaking = c.string(variant, path, "leakingComponent", null);
            boolean canLeak = components.contains(leaking)
                    && CrmComponents.byId(leaking).filter(CrmComponents::canLeak).isPresent();
            if (!leaking.isEmpty() && !components.contains(leaking)) {
                c.problem(path + ".leakingComponent", "'" + leaking + "' is not one of crm.components " + components);
            } else if (!leaking.isEmpty() && !canLeak) {
                c.problem(path + ".leakingComponent", "'" + leaking + "' has no leaky version; components that can"
                        + " leak: " + String.join(", ", java.util.Arrays.stream(CrmComponents.values())
                        .filter(CrmComponents::canLeak).map(CrmComponents::id).toList()));
            } else if (canLeak && CrmComponents.byId(leaking).orElseThrow().area() == MemoryArea.METASPACE
                    && crm.metaspaceMb() == 0) {
                c.problem(path + ".leakingComponent", "'" + leaking + "' leaks into metaspace, which has no limit"
                        + " unless crm.metaspaceMb sets one: the leak could never be exhausted");
            }
            String fix = c.string(variant, path, "fix", null);
            var patch = patches.stream().filter(p -> p.id().equals(fix)).findFirst();
            if (!fix.isEmpty() && patch.isEmpty()) {
                c.problem(path + ".fix", "'" + fix + "' is not one of the patches");
            } else if (patch.isPresent() && canLeak
                    && (patch.get().bandAid() || !patch.get().component().equals(leaking))) {
                c.problem(path + ".fix", "'" + fix + "' must be a code patch of the leaking component '" + leaking
                        + "' and not a band-aid");
            } else if (patch.isPresent() && canLeak
                    && patch.get().version().equals(CrmComponents.byId(leaking).orElseThrow().startVersion(true))) {
                c.problem(path + ".fix", "'" + fix + "' deploys " + leaking + " version '" + patch.get().version()
                        + "', the leaking one; a fix deploys a sound version");
            }
            List<String> chosen = variant.containsKey("decoys") ? c.strings(variant, path, "decoys") : List.of();
            for (int d = 0; d < chosen.size(); d++) {
                String decoy = chosen.get(d);
                if (!decoyIds.contains(decoy)) {
                    c.problem(path + ".decoys[" + d + "]", "'" + decoy + "' is not one of the decoys");
                }
            }
            variants.add(new Scenario.Variant(id, leaking, fix, List.copyOf(chosen)));
        }
        return List.copyOf(variants);
    }

    private static List<Scenario.Hint> hints(Checker c, JsonArray array) {
        List<Scenario.Hint> hints = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.hints[" + i + "]";
            JsonObject hint = c.element(array, i, "$.hints");
            c.onlyKnown(hint, path, Set.of("after", "text", "cost"));
            hints.add(new Scenario.Hint(c.duration(hint, path, "after", "0s"), c.string(hint, path, "text", null),
                    (int) c.integer(hint, path, "cost", 3L, 0, 100)));
        }
        hints.sort((a, b) -> a.after().compareTo(b.after()));
        return List.copyOf(hints);
    }

    private static void rubric(Checker c, JsonObject rubric, JsonObject root) {
        c.onlyKnown(rubric, "$.rubric", Set.of("original", "weights", "targets", "sloUsersAffected",
                "flatTolerance"));
        if (rubric.get("weights") instanceof JsonObject weights) {
            c.onlyKnown(weights, "$.rubric.weights", Set.copyOf(Rubric.CATEGORIES));
        }
        for (String times : List.of("targets", "original")) {
            if (rubric.get(times) instanceof JsonObject targets) {
                c.onlyKnown(targets, "$.rubric." + times, Set.copyOf(Rubric.TARGETS));
            }
        }
        try {
            Rubric.of(root);
        } catch (RuntimeException e) {
            c.problem("$.rubric", e.getMessage());
        }
    }
}
