package io.leakdrill.grader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fix: deploying the right patch, verifying the old-gen floor stayed flat, and resolving only after that. */
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
        Optional<Event> deploy = drill.log().first(e -> e.is("deploy") && key.isFix(e.text("patch")));
        if (deploy.isEmpty()) {
            List<Event> others = drill.log().ofType("deploy");
            String reason = others.isEmpty() ? "the fix was never deployed"
                    : "the fix was never deployed; deployed " + String.join(", ",
                            others.stream().map(e -> e.text("patch")).distinct().toList()) + " instead";
            return List.of(new Finding(0, reason, Event.refs(others.toArray(Event[]::new))));
        }
        Event fix = deploy.get();
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.of(weight * DEPLOY_SHARE, "deployed the fix " + fix.text("patch") + " (half)", fix));

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
