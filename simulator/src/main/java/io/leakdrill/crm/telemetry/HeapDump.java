package io.leakdrill.crm.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A heap dump of live objects into the CRM's working folder, as {@code jcmd <pid> GC.heap_dump} takes it in
 * production: the full GC and the walk of the heap pause every request while it runs.
 */
public final class HeapDump {

    /** Where the dump went, its size and how long the JVM stood still for it. */
    public record Taken(Path file, long bytes, long pauseMicros) {
    }

    private HeapDump() {
    }

    /** Dumps the heap to {@code name} in the working folder; refuses anything that could point elsewhere. */
    public static Taken take(String name) throws IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.hprof")) {
            throw new IllegalArgumentException("a heap dump needs a plain file name ending in .hprof: " + name);
        }
        Path file = Path.of(name).toAbsolutePath();
        // dumpHeap refuses to overwrite; say so plainly rather than with the JVM's message.
        if (Files.exists(file)) {
            throw new IllegalArgumentException("already exists: " + file);
        }
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        long start = System.nanoTime();
        bean.dumpHeap(file.toString(), true);
        long pauseMicros = (System.nanoTime() - start) / 1000;
        return new Taken(file, Files.size(file), pauseMicros);
    }
}
