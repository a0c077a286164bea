package io.leakdrill.crm.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import jdk.jfr.Recording;

/**
 * A flight recording of old-object samples, as {@code jcmd JFR.start} takes it, dumped with paths to GC roots as
 * {@code JFR.dump path-to-gc-roots=true} writes them. Reading the file is left to whoever asked, as an engineer
 * reads a dump in Mission Control on their own machine: parsing it in here would take heap from the service that
 * is short of it. Only objects allocated while the recording runs can be sampled.
 */
public final class RetentionRecording {

    /** Where a dump went, its size and how long the JVM stood still writing it and walking to the roots. */
    public record Dumped(Path file, long bytes, long pauseMicros) {
    }

    private Recording recording;
    private Instant startedAt;

    /** When the recording started, if it has. */
    public synchronized Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** Starts sampling; paths to GC roots are computed only at a dump, as the walk needs a pause. */
    public synchronized void start() {
        if (recording == null) {
            Recording r = new Recording();
            r.setName("leakdrill-retention");
            r.enable("jdk.OldObjectSample").with("cutoff", "infinity");
            r.start();
            recording = r;
            startedAt = Instant.now();
        }
    }

    /** Dumps the recording, with each surviving sample's chain to its root, to {@code name} in the working folder. */
    public synchronized Dumped dump(String name) throws IOException {
        if (recording == null) {
            throw new IllegalStateException("no recording running");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.jfr")) {
            throw new IllegalArgumentException("a recording needs a plain file name ending in .jfr: " + name);
        }
        Path file = Path.of(name).toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalArgumentException("already exists: " + file);
        }
        long start = System.nanoTime();
        recording.dump(file);
        long pauseMicros = (System.nanoTime() - start) / 1000;
        return new Dumped(file, Files.size(file), pauseMicros);
    }
}
