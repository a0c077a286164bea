package io.leakdrill.grader;

import java.util.List;

/** The score of one rubric category: points out of its weight and the findings that add up to them. */
public record CategoryScore(String name, double points, double max, List<Finding> findings) {

    public CategoryScore {
        findings = List.copyOf(findings);
    }

    /** The name as people read it: {@code followUp} is "follow-up". */
    public String label() {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
