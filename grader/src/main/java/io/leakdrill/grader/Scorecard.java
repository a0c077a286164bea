package io.leakdrill.grader;

import java.util.List;
import java.util.OptionalLong;

/** The grade of one drill: total and level, per-category scores, penalties and time metrics, all citing events. */
public record Scorecard(String scenarioId, String scenarioTitle, String trainee, OptionalLong seed, boolean complete,
        int total, int max, String level, List<CategoryScore> categories, List<Finding> penalties,
        List<TimeMetric> times) {

    public Scorecard {
        categories = List.copyOf(categories);
        penalties = List.copyOf(penalties);
        times = List.copyOf(times);
    }
}
