package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evidence: whether the GC trend and a histogram diff were looked at, and whether before a restart wiped them. */
final class EvidenceRule implements CategoryRule {

    private static final double GC_SHARE = 0.4;
    private static final double DIFF_SHARE = 0.6;

    @Override
    public String category() {
        return "evidence";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        Optional<Event> action = drill.log().firstAction();
        List<Finding> findings = new ArrayList<>();
        findings.add(part(drill, action, "gc", "GC trend", weight * GC_SHARE));
        findings.add(part(drill, action, "histogram-diff", "histogram diff", weight * DIFF_SHARE));
        return findings;
    }

    private static Finding part(Drill drill, Optional<Event> action, String kind, String label, double share) {
        Optional<Event> seen = drill.log().first(e -> e.is("evidence") && kind.equals(e.text("kind")));
        if (seen.isEmpty()) {
            return Finding.of(0, "never looked at a " + label);
        }
        if (action.isEmpty() || seen.get().before(action.get())) {
            return Finding.of(share, label + " seen before acting", seen.get());
        }
        // A restart throws away the leaking heap, so evidence gathered afterwards shows less.
        return Finding.of(share / 2, label + " seen only after the " + action.get().type()
                + " reset the heap (half)", action.get(), seen.get());
    }
}
