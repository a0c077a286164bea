package io.leakdrill.crm.telemetry;

import java.io.IOException;
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
    public synchronized WorkingFolderDump dump(String name) throws IOException {
        if (recording == null) {
            throw new IllegalStateException("no recording running");
        }
        return WorkingFolderDump.write(name, "jfr", "a recording", recording::dump);
    }
}
