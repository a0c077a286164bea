package io.leakdrill.grader;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Turns incident seconds into the incident's local wall-clock time ({@code HH:mm:ss}). */
final class IncidentClock {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Optional<OffsetDateTime> start;

    private IncidentClock(Optional<OffsetDateTime> start) {
        this.start = start;
    }

    /** The drill's own start wins over the scenario's, since that is the clock the trainee saw. */
    static IncidentClock of(JsonObject header, JsonObject scenario) {
        Optional<OffsetDateTime> start = parse(Fields.text(header, "incidentStart", ""));
        if (start.isEmpty()) {
            start = parse(Fields.text(Fields.object(scenario, "clock"), "start", ""));
        }
        return new IncidentClock(start);
    }

    String at(double seconds) {
        long millis = Math.round(seconds * 1000);
        if (start.isPresent()) {
            return start.get().plusNanos(millis * 1_000_000L).format(TIME);
        }
        // Without a start time, an offset from the incident start is still an honest clock.
        long total = Math.floorDiv(millis, 1000);
        return String.format(Locale.ROOT, "+%02d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
    }

    private static Optional<OffsetDateTime> parse(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
