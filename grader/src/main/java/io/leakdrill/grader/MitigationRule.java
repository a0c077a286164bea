package io.leakdrill.grader;

import java.time.Duration;
import java.util.List;

/** Mitigation: getting user impact back under the SLO after acting, measured from the first firing alert. */
final class MitigationRule implements CategoryRule {

    @Override
    public String category() {
        return "mitigation";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        Recovery recovery = Recovery.of(drill);
        double slo = drill.rubric().sloUsersAffected();
        if (recovery.samples().isEmpty()) {
            return List.of(Finding.of(0, "no monitor samples were recorded, so no recovery can be shown"));
        }
        if (recovery.breach().isEmpty()) {
            Event peak = recovery.peak().orElseThrow();
            return List.of(Finding.of(weight, "user impact never exceeded the SLO (peak "
                    + Decimals.percent(Recovery.impact(peak)) + ", SLO " + Decimals.percent(slo) + ")", peak));
        }
        Event breach = recovery.breach().get();
        if (recovery.action().isEmpty()) {
            return List.of(Finding.of(0, "users were hurt (" + Decimals.percent(Recovery.impact(breach))
                    + " affected) and nothing was restarted or deployed", breach));
        }
        Event action = recovery.action().get();
        if (recovery.recovered().isEmpty()) {
            return List.of(Finding.of(0, "after the " + action.type() + ", impact never stayed under the SLO ("
                    + Decimals.percent(slo) + ") for two samples running", breach, action));
        }
        Event anchor = recovery.anchor().get();
        Event recovered = recovery.recovered().get();
        Duration target = drill.rubric().target("mitigate");
        double elapsed = recovered.at() - anchor.at();
        String from = anchor.is("alert") ? anchor.text("alert") + " fired" : "users were first hurt";
        return List.of(Finding.of(weight * Credit.linear(elapsed, target),
                "users under the SLO " + Decimals.elapsed(elapsed) + " after " + from + ", via "
                        + action.type() + " (target " + Decimals.target(target) + ")",
                anchor, action, recovered));
    }
}
