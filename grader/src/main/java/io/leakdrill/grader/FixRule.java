package io.leakdrill.grader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fix: deploying the right patch once evidence pointed at the leak, keeping it (not rolling it back), verifying the
 * leaking area stayed flat, and resolving only after that.
 */
final class FixRule implements CategoryRule {

    private static final double DEPLOY_SHARE = 0.5;
    private static final double VERIFY_SHARE = 0.3;
    private static final double RESOLVE_SHARE = 0.2;

    @Override
    public String category() {
        return "fix";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        AnswerKey key = drill.key();
        Optional<Event> deploy = drill.fixDeploy();
        if (deploy.isEmpty()) {
            List<Event> others = drill.log().ofType("deploy");
            String reason = others.isEmpty() ? "the fix was never deployed"
                    : "the fix was never deployed; deployed " + String.join(", ",
                            others.stream().map(e -> e.text("patch")).distinct().toList()) + " instead";
            return List.of(new Finding(0, reason, Event.refs(others.toArray(Event[]::new))));
        }
        Event fix = deploy.get();
        // A fix shipped before anything pointed at the leak is a lucky guess, however well it then works.
        Optional<Event> pointer = drill.log().first(e -> e.before(fix) && e.is("evidence") && key.pointedAtBy(e));
        if (pointer.isEmpty()) {
            return List.of(Finding.of(0, "deployed the fix " + fix.text("patch") + " before any evidence pointed "
                    + "at the leak (a diff showing its class grow, or its GC-root path): a guess earns nothing", fix));
        }
        // Rolled back and never shipped again, the fix no longer stands.
        Optional<Event> undone = drill.log().first(e -> e.is("rollback")
                && (long) e.number("undoes", -1) == fix.seq());
        if (undone.isPresent() && drill.log().firstAfter(undone.get(), e -> e.is("deploy")
                && key.isFix(e.text("patch"))).isEmpty()) {
            return List.of(Finding.of(0, "deployed the fix " + fix.text("patch") + " and then rolled it back",
                    fix, undone.get()));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.of(weight * DEPLOY_SHARE, "deployed the fix " + fix.text("patch") + " (half)",
                pointer.get(), fix));

        Duration verify = drill.rubric().target("verifyFlat");
        FlatFloor floor = FlatFloor.after(fix, drill);
        boolean verified = false;
        if (!floor.covers(verify.toMillis() / 1000.0)) {
            findings.add(Finding.of(0, "samples after the fix cover " + Decimals.elapsed(floor.coveredSeconds())
                    + "; verifying the floor needs " + Decimals.target(verify), fix, floor.last().orElse(null)));
        } else if (!floor.flat()) {
            findings.add(Finding.of(0, floor.area().level() + " still rose " + Decimals.percent(floor.riseShareOfMax())
                    + " of " + floor.area().limit() + " after the fix (tolerance "
                    + Decimals.percent(drill.rubric().flatTolerance()) + ")", floor.first().get(),
                    floor.last().get()));
        } else {
            verified = true;
            findings.add(Finding.of(weight * VERIFY_SHARE, floor.area().level() + " flat "
                    + Decimals.elapsed(floor.coveredSeconds()) + " after the fix (+"
                    + Decimals.percent(floor.riseShareOfMax()) + " of " + floor.area().limit() + ")",
                    floor.first().get(), floor.last().get()));
        }

        Optional<Event> resolve = drill.log().resolveEnd();
        if (resolve.isEmpty()) {
            Optional<Event> end = drill.log().first("end");
            findings.add(Finding.of(0, end.map(e -> "the drill ended with " + e.text("reason") + ", not resolve")
                    .orElse("the drill never ended with resolve"), end.orElse(null)));
        } else if (!verified || resolve.get().at() - fix.at() < verify.toMillis() / 1000.0) {
            findings.add(Finding.of(0, "resolved before the fix was verified flat", resolve.get()));
        } else {
            findings.add(Finding.of(weight * RESOLVE_SHARE, "resolved after verifying the fix", resolve.get()));
        }
        return findings;
    }
}
