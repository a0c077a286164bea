package io.leakdrill.crm.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Map;
import java.util.TreeMap;

/**
 * A summary of a thread dump of this JVM ({@code ThreadMXBean.dumpAllThreads}, as {@code jstack} takes): threads by
 * state and by name group, and every thread waiting on a lock with the thread that holds it.
 */
public final class ThreadReport {

    private ThreadReport() {
    }

    public static JsonObject now() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Integer> byGroup = new TreeMap<>();
        JsonArrayBuilder waiting = Json.createArrayBuilder();
        for (ThreadInfo t : threads) {
            byState.merge(t.getThreadState().name(), 1, Integer::sum);
            byGroup.merge(group(t.getThreadName()), 1, Integer::sum);
            // Parked pool threads wait on their queue's condition with no owner: only contended locks are news.
            if (t.getLockName() != null && t.getLockOwnerName() != null) {
                waiting.add(Json.createObjectBuilder().add("thread", t.getThreadName())
                        .add("state", t.getThreadState().name()).add("lock", t.getLockName())
                        .add("owner", t.getLockOwnerName()));
            }
        }
        return Json.createObjectBuilder().add("count", threads.length).add("byState", counts(byState))
                .add("byGroup", counts(byGroup)).add("waitingOnLocks", waiting).build();
    }

    /** {@code http-worker-7} and {@code http-worker-12} are one pool: group them by the name without its number. */
    static String group(String threadName) {
        String stripped = threadName.replaceFirst("[-#_ ]?\\d+$", "");
        return stripped.isEmpty() ? threadName : stripped;
    }

    private static JsonObjectBuilder counts(Map<String, Integer> counts) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        counts.forEach(json::add);
        return json;
    }
}
