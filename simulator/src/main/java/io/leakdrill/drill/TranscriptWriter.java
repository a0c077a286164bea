package io.leakdrill.drill;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Writes the drill's JSON Lines transcript and flushes every event, so a killed drill leaves a transcript that is
 * intact up to its last event. The format is described in docs/transcript.md.
 */
public final class TranscriptWriter implements AutoCloseable {

    private final BufferedWriter out;
    private final IncidentClock clock;
    private final Path file;
    private final Happenings happenings = new Happenings();
    private long seq;

    public TranscriptWriter(Path file, IncidentClock clock, JsonObject header) throws IOException {
        this.file = file;
        this.clock = clock;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        writeLine(Json.createObjectBuilder(header).add("seq", 0).build());
    }

    public Path file() {
        return file;
    }

    /** The events written so far that the trainee saw or made, kept in memory for the console to look back on. */
    public Happenings happenings() {
        return happenings;
    }

    /** Appends one event stamped with seq, incident time and real time; returns its seq. */
    public synchronized long write(String type, JsonObjectBuilder fields) {
        Duration at = clock.elapsed();
        long number = ++seq;
        JsonObject event = Json.createObjectBuilder()
                .add("seq", number)
                .add("type", type)
                .add("at", Math.round(at.toMillis() / 100.0) / 10.0)
                .add("clock", clock.clockTextSeconds(at))
                .add("real", clock.realMillis())
                .addAll(fields)
                .build();
        writeLine(event);
        happenings.take(event);
        return number;
    }

    private void writeLine(JsonObject object) {
        try {
            out.write(object.toString());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the transcript " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
