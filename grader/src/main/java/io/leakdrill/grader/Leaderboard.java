package io.leakdrill.grader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Graded drills ranked per scenario (in scenario id order), with the score trends of trainees who ran a scenario
 * twice or more. The order depends only on the entries, never on the order they are given in.
 */
public record Leaderboard(List<ScenarioRanking> scenarios) {

    /** Trends need at least this many drills by one trainee. */
    public static final int TREND_DRILLS = 2;

    // What is left once the named orders run out, so two entries only compare equal when they would print the same.
    private static final Comparator<LeaderboardEntry> TIE_BREAK = Comparator
            .comparing((LeaderboardEntry e) -> e.variant().orElse(""))
            .thenComparing(e -> e.card().complete())
            .thenComparingInt(e -> e.card().max())
            .thenComparing(e -> e.card().level())
            .thenComparing(e -> e.card().scenarioTitle());

    /** Oldest first; drills without a start time come after the rest, by source, since nothing else dates them. */
    static final Comparator<LeaderboardEntry> CHRONOLOGICAL = Comparator
            .comparing((LeaderboardEntry e) -> e.started().orElse(Instant.MAX))
            .thenComparing(LeaderboardEntry::source)
            .thenComparing(TIE_BREAK);

    /** Best first: score, then the faster resolve (unresolved last), then trainee and source. */
    static final Comparator<LeaderboardEntry> RANKING = Comparator
            .comparingInt((LeaderboardEntry e) -> -e.card().total())
            .thenComparingDouble(e -> e.resolveMinutes().orElse(Double.POSITIVE_INFINITY))
            .thenComparing(e -> e.card().trainee())
            .thenComparing(LeaderboardEntry::source)
            .thenComparing(e -> e.started().orElse(Instant.MAX))
            .thenComparing(TIE_BREAK);

    public Leaderboard {
        scenarios = List.copyOf(scenarios);
    }

    public static Leaderboard of(Collection<LeaderboardEntry> entries) {
        Map<String, List<LeaderboardEntry>> byScenario = entries.stream()
                .collect(Collectors.groupingBy(e -> e.card().scenarioId(), TreeMap::new, Collectors.toList()));
        List<ScenarioRanking> scenarios = new ArrayList<>();
        byScenario.forEach((id, drills) -> scenarios.add(ranking(id, drills)));
        return new Leaderboard(scenarios);
    }

    /** How many drills the board holds. */
    public int drills() {
        return scenarios.stream().mapToInt(s -> s.ranking().size()).sum();
    }

    private static ScenarioRanking ranking(String id, List<LeaderboardEntry> drills) {
        List<LeaderboardEntry> ranked = drills.stream().sorted(RANKING).toList();
        List<LeaderboardEntry> oldestFirst = drills.stream().sorted(CHRONOLOGICAL).toList();
        // A scenario may have been retitled between drills; the latest drill carries its current title.
        String title = oldestFirst.get(oldestFirst.size() - 1).card().scenarioTitle();
        Map<String, List<LeaderboardEntry>> byTrainee = oldestFirst.stream()
                .collect(Collectors.groupingBy(e -> e.card().trainee(), TreeMap::new, Collectors.toList()));
        List<TraineeTrend> trends = byTrainee.entrySet().stream()
                .filter(t -> t.getValue().size() >= TREND_DRILLS)
                .map(t -> new TraineeTrend(t.getKey(), t.getValue())).toList();
        return new ScenarioRanking(id, title, ranked, trends);
    }
}
