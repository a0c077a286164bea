package io.leakdrill.drill;

import io.leakdrill.world.crm.CpuHistory;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each step of a drill's start finished, in milliseconds since this JVM started: the breakdown behind the
 * start-to-prompt figure, kept in the transcript so `bench` can show where the time goes.
 */
final class StartupPhases {

    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Map<String, Long> marks = new LinkedHashMap<>();

    /** Records that a step finished now; returns its time since the JVM started. */
    synchronized long mark(String phase) {
        long at = sinceJvmStart();
        marks.put(phase, at);
        return at;
    }

    long sinceJvmStart() {
        return System.currentTimeMillis() - jvmStartMillis;
    }

    synchronized JsonObjectBuilder toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        marks.forEach(json::add);
        return json;
    }

    /**
     * CPU both JVMs have used so far, in milliseconds: with two of them, a database and a replayed leak on a few
     * cores, the start is bound by CPU, and this shows how close to the machine's limit it runs.
     */
    static JsonObjectBuilder cpuJson(long crmPid) {
        return Json.createObjectBuilder()
                .add("drill", cpuMillis(ProcessHandle.current().pid()))
                .add("crm", cpuMillis(crmPid))
                .add("cores", Runtime.getRuntime().availableProcessors());
    }

    private static long cpuMillis(long pid) {
        return CpuHistory.read(pid, System.nanoTime(), 0).map(r -> r.cpuNanos() / 1_000_000).orElse(-1L);
    }
}
