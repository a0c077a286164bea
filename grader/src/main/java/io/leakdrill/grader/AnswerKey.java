package io.leakdrill.grader;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the scenario counts as right: the leaking component and the memory area it fills, its leak pattern, the class
 * that grows and the field that holds it, the fixing patch, and which patches are band-aids. Transcripts written
 * before the header carried the leak's details have an empty pattern, class and field.
 */
record AnswerKey(String component, LeakArea area, String pattern, String leakClass, String retainedBy,
        Map<String, LeakArea> componentAreas, String fix, Set<String> bandAids) {

    AnswerKey {
        componentAreas = Map.copyOf(componentAreas);
        bandAids = Set.copyOf(bandAids);
    }

    /**
     * The answer for the variant the drill played (named in the header), or the scenario's single {@code answer}
     * in transcripts written before scenarios had variants.
     */
    static AnswerKey of(JsonObject header, JsonObject scenario) {
        String component = "";
        String fix = "";
        String played = Fields.text(header, "variant", "");
        for (JsonValue value : Fields.array(scenario, "variants")) {
            if (value instanceof JsonObject variant && Fields.text(variant, "id", "").equals(played)) {
                component = Fields.text(variant, "leakingComponent", "");
                fix = Fields.text(variant, "fix", "");
            }
        }
        if (component.isEmpty()) {
            JsonObject answer = Fields.object(scenario, "answer");
            component = Fields.text(answer, "component", "");
            fix = Fields.text(answer, "fix", "");
        }
        Set<String> bandAids = new TreeSet<>();
        for (JsonValue value : Fields.array(scenario, "patches")) {
            if (value instanceof JsonObject patch && Fields.flag(patch, "bandAid", false)) {
                bandAids.add(Fields.text(patch, "id", ""));
            }
        }
        JsonObject leak = Fields.object(header, "leak");
        Map<String, LeakArea> areas = new TreeMap<>();
        Fields.object(leak, "componentAreas").forEach((id, area) -> areas.put(id,
                LeakArea.of(area instanceof JsonString text ? text.getString() : "")));
        return new AnswerKey(component, LeakArea.of(Fields.text(header, "leakArea", "heap")),
                Fields.text(leak, "pattern", ""), Fields.text(leak, "leakClass", ""),
                Fields.text(leak, "retainedBy", ""), areas, fix, bandAids);
    }

    /** The memory area a named component fills, if the drill's CRM runs it. */
    Optional<LeakArea> areaOf(String named) {
        return componentAreas.entrySet().stream().filter(e -> normal(e.getKey()).equals(normal(named)))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Case and spacing differences in what the trainee typed should not cost a correct diagnosis. */
    boolean isLeakingComponent(String named) {
        return !component.isBlank() && normal(component).equals(normal(named));
    }

    /**
     * Whether an evidence event points at the leaking component: a diff in which its class grew, or a GC-root path
     * through the field that holds it (any heap histogram, for transcripts that do not name them).
     */
    boolean pointedAtBy(Event evidence) {
        String kind = evidence.text("kind");
        if (leakClass.isEmpty()) {
            return kind.equals("histogram") || kind.equals("histogram-diff");
        }
        return kind.equals("histogram-diff") && Fields.strings(evidence.json(), "growing").contains(leakClass)
                || kind.equals("roots") && !retainedBy.isEmpty() && evidence.text("chain").contains(retainedBy);
    }

    boolean isFix(String patch) {
        return !fix.isBlank() && fix.equals(patch) && !isBandAid(patch);
    }

    boolean isBandAid(String patch) {
        return bandAids.contains(patch);
    }

    private static String normal(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }
}
