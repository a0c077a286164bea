package io.leakdrill.grader;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario's grading rubric (category weights, time targets, SLO and flatness tolerance), with defaults filled in,
 * and the times of the real incident the scenario is modelled on, where it names them.
 */
public record Rubric(Map<String, Duration> original, Map<String, Double> weights, Map<String, Duration> targets,
        double sloUsersAffected, double flatTolerance) {

    /** The categories in scorecard order. */
    public static final List<String> CATEGORIES =
            List.of("triage", "mitigation", "evidence", "diagnosis", "fix", "communication", "followUp");

    private static final Map<String, Double> DEFAULT_WEIGHTS = ordered(Map.of(
            "triage", 10.0, "mitigation", 20.0, "evidence", 20.0, "diagnosis", 20.0,
            "fix", 15.0, "communication", 10.0, "followUp", 5.0), CATEGORIES);

    // Transcripts written before triage was more than the acknowledgement carry its old name.
    private static final Map<String, String> FORMER_NAMES = Map.of("triage", "acknowledge");

    /** The time targets a rubric may set. */
    public static final List<String> TARGETS =
            List.of("acknowledge", "firstUpdate", "diagnose", "mitigate", "resolve", "verifyFlat");

    private static final Map<String, Duration> DEFAULT_TARGETS = ordered(Map.of(
            "acknowledge", Duration.ofMinutes(5), "firstUpdate", Duration.ofMinutes(10),
            "diagnose", Duration.ofMinutes(60), "mitigate", Duration.ofMinutes(45),
            "resolve", Duration.ofMinutes(85), "verifyFlat", Duration.ofMinutes(10)), TARGETS);

    private static final double DEFAULT_SLO = 0.1;
    private static final double DEFAULT_FLAT_TOLERANCE = 0.03;

    public Rubric {
        original = Collections.unmodifiableMap(new LinkedHashMap<>(original));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /**
     * Reads {@code scenario.rubric}; any missing field takes its default and unknown categories are ignored.
     *
     * @throws IllegalArgumentException naming the field, if a present field has an unusable value
     */
    public static Rubric of(JsonObject scenario) {
        JsonObject rubric = Fields.object(scenario, "rubric");
        JsonObject weightsJson = Fields.object(rubric, "weights");
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            JsonValue value = weightsJson.containsKey(category) ? weightsJson.get(category)
                    : weightsJson.get(FORMER_NAMES.getOrDefault(category, category));
            double weight = value == null ? DEFAULT_WEIGHTS.get(category)
                    : nonNegative(value, "scenario.rubric.weights." + category);
            weights.put(category, weight);
        }
        Map<String, Duration> targets = durations(rubric, "targets", DEFAULT_TARGETS);
        Map<String, Duration> original = durations(rubric, "original", Map.of());
        double slo = rubric.containsKey("sloUsersAffected")
                ? ratio(rubric.get("sloUsersAffected"), "scenario.rubric.sloUsersAffected") : DEFAULT_SLO;
        double tolerance = rubric.containsKey("flatTolerance")
                ? ratio(rubric.get("flatTolerance"), "scenario.rubric.flatTolerance") : DEFAULT_FLAT_TOLERANCE;
        return new Rubric(original, weights, targets, slo, tolerance);
    }

    /** The weight of a category, 0 for one this rubric does not know. */
    public double weight(String category) {
        return weights.getOrDefault(category, 0.0);
    }

    /** A time target by name: acknowledge, firstUpdate, diagnose, mitigate, resolve or verifyFlat. */
    public Duration target(String name) {
        return targets.getOrDefault(name, Duration.ZERO);
    }

    /** How long the real incident's responders took to reach a target's milestone, if the scenario says. */
    public Optional<Duration> original(String name) {
        return Optional.ofNullable(original.get(name));
    }

    /** The best possible score. */
    public double max() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The named targets in {@code rubric.FIELD}, in target order; a target left out takes its default, if any. */
    private static Map<String, Duration> durations(JsonObject rubric, String field, Map<String, Duration> defaults) {
        JsonObject json = Fields.object(rubric, field);
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (String target : TARGETS) {
            JsonValue value = json.get(target);
            if (value != null) {
                durations.put(target, duration(value, "scenario.rubric." + field + "." + target));
            } else if (defaults.containsKey(target)) {
                durations.put(target, defaults.get(target));
            }
        }
        return durations;
    }

    private static double nonNegative(JsonValue value, String field) {
        if (value instanceof JsonNumber number && number.doubleValue() >= 0) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(field + " must be a number >= 0, found " + value);
    }

    private static double ratio(JsonValue value, String field) {
        if (value instanceof JsonNumber number && number.doubleValue() >= 0 && number.doubleValue() <= 1) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(field + " must be a number from 0 to 1, found " + value);
    }

    private static Duration duration(JsonValue value, String field) {
        if (!(value instanceof JsonString text)) {
            throw new IllegalArgumentException(field + " must be a duration string like \"5m\", found " + value);
        }
        try {
            return DurationText.parse(text.getString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> values, List<String> order) {
        Map<String, V> result = new LinkedHashMap<>();
        order.forEach(key -> result.put(key, values.get(key)));
        return Collections.unmodifiableMap(result);
    }
}
