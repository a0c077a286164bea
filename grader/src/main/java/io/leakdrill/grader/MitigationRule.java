package io.leakdrill.grader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mitigation: user impact back under the SLO after acting, measured from the first firing alert (60%); a safe
 * method, the heap's forensics captured before a restart destroyed them (20%); and the recovery confirmed by a look
 * at the users afterwards (20%). A recovery a band-aid bought earns half if the trainee declared it temporary and
 * nothing if it was passed off as the fix. Users who were never hurt count as a mitigation only if something was
 * done in time.
 */
final class MitigationRule implements CategoryRule {

    private static final double TIME_SHARE = 0.6;
    private static final double METHOD_SHARE = 0.2;
    private static final double CONFIRM_SHARE = 0.2;
    private static final Set<String> FORENSICS = Set.of("histogram", "heap-dump", "roots");
    private static final Set<String> CONFIRMING_LOOKS = Set.of("status", "users", "gc");

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
            return prevented(drill, recovery, weight);
        }
        Event breach = recovery.breach().get();
        if (recovery.action().isEmpty()) {
            return List.of(Finding.of(0, "users were hurt (" + Decimals.percent(Recovery.impact(breach))
                    + " affected) and nothing was restarted or deployed", breach));
        }
        Event action = recovery.action().get();
        Finding method = method(drill, action, weight * METHOD_SHARE);
        if (recovery.recovered().isEmpty()) {
            return List.of(Finding.of(0, "after the " + action.type() + ", impact never stayed under the SLO ("
                    + Decimals.percent(slo) + ") for two samples running", breach, action), method,
                    Finding.of(0, "no recovery to confirm"));
        }
        return List.of(timely(drill, recovery, weight * TIME_SHARE), method,
                confirmed(drill, recovery.recovered().get(), weight * CONFIRM_SHARE));
    }

    private static Finding timely(Drill drill, Recovery recovery, double share) {
        Event anchor = recovery.anchor().orElseThrow();
        Event action = recovery.action().orElseThrow();
        Event recovered = recovery.recovered().orElseThrow();
        Duration target = drill.rubric().target("mitigate");
        double elapsed = recovered.at() - anchor.at();
        String from = anchor.is("alert") ? anchor.text("alert") + " fired" : "users were first hurt";
        return byBandAid(drill, recovered, share * Credit.linear(elapsed, target), "users under the SLO "
                + Decimals.elapsed(elapsed) + " after " + from + ", via " + action.type() + " (target "
                + Decimals.target(target) + ")", anchor, action, recovered);
    }

    /**
     * Users never went over the SLO. That is the trainee's doing only if something was done in time: the fix, or a
     * restart or deploy that held the leak off; a drill quit before the leak reached users earns nothing here.
     */
    private static List<Finding> prevented(Drill drill, Recovery recovery, double weight) {
        Event peak = recovery.peak().orElseThrow();
        String slo = Decimals.percent(drill.rubric().sloUsersAffected());
        String never = drill.fixDeploy().isPresent() && Recovery.impact(peak) > drill.rubric().sloUsersAffected()
                ? "user impact stayed under the SLO (" + slo + ") until the fix went in"
                : "user impact never exceeded the SLO (peak " + Decimals.percent(Recovery.impact(peak)) + ", SLO "
                        + slo + ")";
        Optional<Event> action = drill.fixDeploy().or(() -> drill.log().firstAction());
        if (action.isEmpty()) {
            return List.of(Finding.of(0, never + ", but nothing was restarted or deployed to keep it so", peak));
        }
        Event last = recovery.samples().get(recovery.samples().size() - 1);
        return List.of(byBandAid(drill, last, weight * TIME_SHARE, never + "; the " + action.get().type()
                        + " of " + (action.get().is("deploy") ? action.get().text("patch") : "the CRM") + " kept it so",
                peak, action.get()), method(drill, drill.log().firstAction().orElseThrow(), weight * METHOD_SHARE),
                confirmed(drill, action.get(), weight * CONFIRM_SHARE));
    }

    /** The award as earned, or halved or withheld when a band-aid, not the fix, kept users well by {@code at}. */
    private static Finding byBandAid(Drill drill, Event at, double points, String how, Event... cited) {
        Optional<Event> bandAid = bandAidBehind(drill, at);
        if (bandAid.isEmpty()) {
            return Finding.of(points, how, cited);
        }
        Optional<Event> declared = BandAids.declaredTemporary(drill.log());
        if (declared.isPresent()) {
            return Finding.of(points / 2, how + "; a band-aid bought it, declared as a temporary mitigation (half "
                    + "credit)", cited[0], bandAid.get(), at, declared.get());
        }
        return Finding.of(0, how + "; a band-aid bought it and was never declared temporary, so it counts as "
                + "the fix it is not", cited[0], bandAid.get(), at);
    }

    /** The band-aid in force when users recovered, if the fix was not yet deployed by then. */
    private static Optional<Event> bandAidBehind(Drill drill, Event recovered) {
        boolean fixFirst = drill.fixDeploy().filter(fix -> fix.before(recovered)).isPresent();
        return fixFirst ? Optional.empty()
                : drill.log().first(e -> e.before(recovered) && BandAids.isBandAid(e, drill.key()));
    }

    private static Finding method(Drill drill, Event action, double share) {
        if (!action.is("restart")) {
            return Finding.of(share, "mitigated by a deploy, which keeps the leaking heap for the record", action);
        }
        Optional<Event> forensics = drill.log().first(e -> e.before(action) && e.is("evidence")
                && FORENSICS.contains(e.text("kind")));
        return forensics.map(f -> Finding.of(share, "captured the heap's forensics (" + f.text("kind")
                        + ") before the first restart", f, action))
                .orElseGet(() -> Finding.of(0, "restarted before capturing a histogram, GC-root path or heap dump;"
                        + " the leak's evidence went with the old process", action));
    }

    /** A look at the users or the heap after {@code since}: users back under the SLO, or the mitigating act. */
    private static Finding confirmed(Drill drill, Event since, double share) {
        String after = since.is("sample") ? "users were back under the SLO" : "the " + since.type();
        return drill.log().firstAfter(since, e -> e.is("evidence") && CONFIRMING_LOOKS.contains(e.text("kind")))
                .map(look -> Finding.of(share, "confirmed the recovery with a look (" + look.text("kind")
                        + ") after " + after, since, look))
                .orElseGet(() -> Finding.of(0, "never looked (status, users or gc) after " + after
                        + ", so the recovery was never confirmed", since));
    }
}
