package io.leakdrill.grader;

import java.util.List;

/** One scenario's drills, best first, and the trends of trainees who ran it more than once. */
public record ScenarioRanking(String scenarioId, String scenarioTitle, List<LeaderboardEntry> ranking,
        List<TraineeTrend> trends) {

    public ScenarioRanking {
        ranking = List.copyOf(ranking);
        trends = List.copyOf(trends);
    }
}
