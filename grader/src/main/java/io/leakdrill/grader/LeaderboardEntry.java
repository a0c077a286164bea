package io.leakdrill.grader;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One graded drill on the leaderboard: its scorecard, when the drill started in real time, the scenario variant it
 * played and the name of its source (such as the transcript's file name).
 */
public record LeaderboardEntry(Scorecard card, Optional<Instant> started, Optional<String> variant, String source) {

    /** Grades the transcript and takes the start and variant from its header; either may be missing. */
    public static LeaderboardEntry of(Transcript transcript, String source) {
        String variant = Fields.text(transcript.header(), "variant", "");
        return new LeaderboardEntry(Grader.grade(transcript), started(Fields.text(transcript.header(), "realStart",
                "")), variant.isBlank() ? Optional.empty() : Optional.of(variant), source);
    }

    /** Incident minutes to resolve, when the drill was resolved. */
    public OptionalDouble resolveMinutes() {
        return card.times().stream().filter(t -> t.name().equals(TimeMetrics.RESOLVE)).findFirst()
                .map(TimeMetric::minutes).orElse(OptionalDouble.empty());
    }

    // The real start, not the incident start: every drill of a scenario shares the scenario's incident start.
    private static Optional<Instant> started(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
