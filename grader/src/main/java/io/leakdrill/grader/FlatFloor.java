package io.leakdrill.grader;

import java.util.List;
import java.util.Optional;

/**
 * The leaking area's level (the old generation's floor, metaspace or direct buffer memory) over the samples after a
 * deploy, and whether it stayed flat. A sound component refills its bounded cache for a while after the restart a
 * deploy brings, so flatness is judged over the settled part: the last sample may sit at most
 * {@code flatTolerance} of the area's limit above the lowest sample of the last half of the watch.
 */
record FlatFloor(LeakArea area, List<Event> span, double coveredSeconds, double rise, double allowed) {

    static FlatFloor after(Event deploy, Drill drill) {
        LeakArea area = drill.key().area();
        // Samples from a CRM that is down or still starting carry no usable level.
        List<Event> span = drill.log().ofType("sample").stream()
                .filter(s -> deploy.before(s) && s.flag("crmUp", false)
                        && Fields.hasNumber(s.json(), area.usedField()) && Fields.hasNumber(s.json(), area.maxField()))
                .toList();
        if (span.isEmpty()) {
            return new FlatFloor(area, span, 0, 0, 0);
        }
        Event last = span.get(span.size() - 1);
        // Coverage counts from the deploy itself: the trainee's wait starts there, not at the next sample.
        double covered = last.at() - deploy.at();
        double settledFrom = last.at() - covered / 2;
        double lowest = span.stream().filter(s -> s.at() >= settledFrom)
                .mapToDouble(s -> s.number(area.usedField(), 0)).min().orElse(0);
        return new FlatFloor(area, span, covered, last.number(area.usedField(), 0) - lowest,
                drill.rubric().flatTolerance() * last.number(area.maxField(), 0));
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
        double max = last.number(area.maxField(), 0);
        return max > 0 ? rise / max : 0;
    }
}
