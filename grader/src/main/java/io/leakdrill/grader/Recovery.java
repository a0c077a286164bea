package io.leakdrill.grader;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How user impact went against the SLO: the first sample over it before the fix went in, the first restart or
 * deploy, and the first sample after that action from which impact stayed under the SLO for two samples running.
 */
record Recovery(List<Event> samples, Optional<Event> breach, Optional<Event> action, Optional<Event> recovered,
        Optional<Event> anchor) {

    static Recovery of(Drill drill) {
        double slo = drill.rubric().sloUsersAffected();
        List<Event> samples = drill.log().ofType("sample");
        // Once the fix is in, users hurt by something else (a decoy's rush on a healthy CRM) are not the leak's
        // doing: the fix rule judges the fix by the leaking area staying flat.
        Optional<Event> fix = drill.fixDeploy();
        Optional<Event> breach = samples.stream()
                .filter(s -> hurts(s, slo) && fix.map(s::before).orElse(true)).findFirst();
        Optional<Event> action = drill.log().firstAction();
        Optional<Event> recovered = Optional.empty();
        if (breach.isPresent() && action.isPresent()) {
            for (int i = 0; i + 1 < samples.size() && recovered.isEmpty(); i++) {
                Event sample = samples.get(i);
                if (action.get().before(sample) && breach.get().before(sample)
                        && healthy(sample, slo) && healthy(samples.get(i + 1), slo)) {
                    recovered = Optional.of(sample);
                }
            }
        }
        // Time to mitigate runs from the first firing alert; without one, from when users were first hurt.
        Optional<Event> anchor = drill.log().firstFiringAlert().or(() -> breach);
        return new Recovery(samples, breach, action, recovered, anchor);
    }

    Optional<Event> peak() {
        return samples.stream().max(Comparator.comparingDouble(Recovery::impact)
                .thenComparing(Comparator.comparingLong(Event::seq).reversed()));
    }

    static double impact(Event sample) {
        return sample.number("usersAffected", 0);
    }

    private static boolean hurts(Event sample, double slo) {
        return impact(sample) > slo;
    }

    private static boolean healthy(Event sample, double slo) {
        return impact(sample) <= slo && sample.flag("crmUp", false);
    }
}
