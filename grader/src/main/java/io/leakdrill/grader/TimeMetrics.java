package io.leakdrill.grader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Measures the time to acknowledge, diagnose, mitigate and resolve against the rubric's targets. */
final class TimeMetrics {

    /** The metric the leaderboard breaks score ties with. */
    static final String RESOLVE = "to resolve";

    private TimeMetrics() {
    }

    static List<TimeMetric> of(Drill drill) {
        EventLog log = drill.log();
        Optional<Event> alert = log.firstFiringAlert();
        Optional<Event> ack = alert.flatMap(a -> log.firstAfter(a, e -> e.is("ack")));
        Optional<Event> diagnose = drill.rightDiagnosis();
        Recovery recovery = Recovery.of(drill);
        return List.of(
                metric(drill, "to acknowledge", "acknowledge", alert, ack),
                metric(drill, "to diagnose", "diagnose", Optional.empty(), diagnose),
                metric(drill, "to mitigate", "mitigate", recovery.anchor(), recovery.recovered()),
                metric(drill, RESOLVE, "resolve", Optional.empty(), log.resolveEnd()));
    }

    /** An empty anchor means the clock runs from the incident start, unless the metric needs an anchor event. */
    private static TimeMetric metric(Drill drill, String name, String targetName, Optional<Event> anchor,
            Optional<Event> reached) {
        Duration target = drill.rubric().target(targetName);
        double start = anchor.map(Event::at).orElse(0.0);
        boolean anchored = anchor.isPresent() || !needsAnchor(targetName);
        OptionalDouble original = drill.rubric().original(targetName)
                .map(d -> OptionalDouble.of(Decimals.minutes(d))).orElse(OptionalDouble.empty());
        Optional<String> dueBy = anchored
                ? Optional.of(drill.clock().at(start + target.toMillis() / 1000.0)) : Optional.empty();
        if (reached.isEmpty() || !anchored) {
            return new TimeMetric(name, OptionalDouble.empty(), Optional.empty(), Decimals.minutes(target), dueBy,
                    Event.refs(anchor.orElse(null)), original);
        }
        Event at = reached.get();
        return new TimeMetric(name, OptionalDouble.of(Decimals.minutes(at.at() - start)), Optional.of(at.clock()),
                Decimals.minutes(target), dueBy, Event.refs(anchor.orElse(null), at), original);
    }

    private static boolean needsAnchor(String targetName) {
        return targetName.equals("acknowledge") || targetName.equals("mitigate");
    }
}
