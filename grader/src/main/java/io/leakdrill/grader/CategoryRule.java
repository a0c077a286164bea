package io.leakdrill.grader;

import java.util.List;

/** Scores one rubric category of a drill as findings whose points add up to the category's score. */
interface CategoryRule {

    String category();

    List<Finding> findings(Drill drill, double weight);
}
