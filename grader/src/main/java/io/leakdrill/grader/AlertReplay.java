package io.leakdrill.grader;

import java.util.List;
import java.util.Optional;

/**
 * Replays an alert rule the trainee proposed against the drill's recorded monitor samples, as the monitor would have
 * run it: the rule fires at the first sample by which its condition has held, unbroken, for its hold time.
 */
record AlertReplay(SampleMetric metric, String comparison, double threshold, double forSeconds) {

    /** The rule in an {@code alert-proposal} event, or empty when it names a metric the grader does not know. */
    static Optional<AlertReplay> of(Event proposal) {
        return SampleMetric.byId(proposal.text("metric")).map(metric -> new AlertReplay(metric,
                proposal.text("comparison"), proposal.number("threshold", 0), proposal.number("forSeconds", 0)));
    }

    /** The sample at which the rule would first have fired. */
    Optional<Event> firstFiring(List<Event> samples) {
        Double holdingSince = null;
        for (Event sample : samples) {
            if (!holds(sample)) {
                holdingSince = null;
                continue;
            }
            if (holdingSince == null) {
                holdingSince = sample.at();
            }
            if (sample.at() - holdingSince >= forSeconds) {
                return Optional.of(sample);
            }
        }
        return Optional.empty();
    }

    boolean holds(Event sample) {
        double value = metric.valueIn(sample);
        return switch (comparison) {
            case ">" -> value > threshold;
            case ">=" -> value >= threshold;
            case "<" -> value < threshold;
            case "<=" -> value <= threshold;
            default -> false;
        };
    }
}
