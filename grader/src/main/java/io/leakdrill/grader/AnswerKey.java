package io.leakdrill.grader;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scenario counts as right: the leaking component and the memory area it fills, the fixing patch, and which
 * patches are band-aids.
 */
record AnswerKey(String component, LeakArea area, String fix, Set<String> bandAids) {

    AnswerKey {
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
        return new AnswerKey(component, LeakArea.of(Fields.text(header, "leakArea", "heap")), fix, bandAids);
    }

    /** Case and spacing differences in what the trainee typed should not cost a correct diagnosis. */
    boolean isLeakingComponent(String named) {
        return !component.isBlank() && normal(component).equals(normal(named));
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
