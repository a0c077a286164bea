package io.leakdrill.drill;

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

    synchronized void mark(String phase) {
        marks.put(phase, sinceJvmStart());
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
                .add("drill", cpuMillis(ProcessHandle.current()))
                .add("crm", ProcessHandle.of(crmPid).map(StartupPhases::cpuMillis).orElse(-1L))
                .add("cores", Runtime.getRuntime().availableProcessors());
    }

    private static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }
}
