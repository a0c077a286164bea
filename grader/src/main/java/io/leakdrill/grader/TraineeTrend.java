package io.leakdrill.grader;

import java.util.List;

/** A trainee's drills of one scenario, oldest first, and how their score moved from the first to the last. */
public record TraineeTrend(String trainee, List<LeaderboardEntry> drills) {

    public TraineeTrend {
        if (drills.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one drill");
        }
        drills = List.copyOf(drills);
    }

    public List<Integer> scores() {
        return drills.stream().map(d -> d.card().total()).toList();
    }

    /** The last score minus the first. */
    public int change() {
        return drills.get(drills.size() - 1).card().total() - drills.get(0).card().total();
    }
}
