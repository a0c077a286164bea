package io.leakdrill.grader;

import java.util.List;
import java.util.Optional;

/**
 * The old generation's floor (old gen after GC) over the samples after a deploy, and whether it stayed flat:
 * the last sample may sit at most {@code flatTolerance * oldMax} above the lowest one.
 */
record FlatFloor(Event deploy, List<Event> span, double coveredSeconds, double rise, double allowed) {

    static FlatFloor after(Event deploy, Drill drill) {
        // Samples from a CRM that is down or still starting carry no usable floor.
        List<Event> span = drill.log().ofType("sample").stream()
                .filter(s -> deploy.before(s) && s.flag("crmUp", false)
                        && Fields.hasNumber(s.json(), "oldAfterGc") && Fields.hasNumber(s.json(), "oldMax"))
                .toList();
        if (span.isEmpty()) {
            return new FlatFloor(deploy, span, 0, 0, 0);
        }
        Event last = span.get(span.size() - 1);
        double lowest = span.stream().mapToDouble(s -> s.number("oldAfterGc", 0)).min().orElse(0);
        // Coverage counts from the deploy itself: the trainee's wait starts there, not at the next sample.
        return new FlatFloor(deploy, span, last.at() - deploy.at(), last.number("oldAfterGc", 0) - lowest,
                drill.rubric().flatTolerance() * last.number("oldMax", 0));
    }

    boolean covers(double seconds) {
        return span.size() >= 2 && coveredSeconds >= seconds;
    }

    boolean flat() {
        return rise <= allowed;
    }

    Optional<Event> first() {
        return span.stream().findFirst();
    }

    Optional<Event> last() {
        return span.isEmpty() ? Optional.empty() : Optional.of(span.get(span.size() - 1));
    }

    double riseShareOfMax() {
        Event last = last().orElseThrow();
        double max = last.number("oldMax", 0);
        return max > 0 ? rise / max : 0;
    }
}
