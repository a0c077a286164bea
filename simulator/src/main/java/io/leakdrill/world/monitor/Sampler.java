package io.leakdrill.world.monitor;

import io.leakdrill.world.crm.CrmAdminClient;
import io.leakdrill.world.users.TrafficLog;
import io.leakdrill.world.users.TrafficStats;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;

/** Takes one sample: the CRM's telemetry over its admin API and the users' experience since the last sample. */
public final class Sampler {

    private final TrafficLog traffic;
    private final int users;
    private final long slowMs;
    private long lastMillis;
    private long lastGcTimeMs = -1;

    public Sampler(TrafficLog traffic, int users, long slowMs, long startMillis) {
        this.traffic = traffic;
        this.users = users;
        this.slowMs = slowMs;
        this.lastMillis = startMillis;
    }

    /** @param admin the current CRM's admin client, or null when no CRM is up */
    public Sample sample(double atSeconds, long nowMillis, CrmAdminClient admin, Duration timeout) {
        // Users' figures over at least a second so a fast clock does not make them all noise.
        long from = Math.min(lastMillis, nowMillis - 1000);
        TrafficStats stats = traffic.window(from, nowMillis, users, slowMs);
        long windowMillis = Math.max(1, nowMillis - lastMillis);
        lastMillis = nowMillis;
        JsonObject m = null;
        if (admin != null) {
            try {
                m = admin.metrics(timeout);
            } catch (Exception e) {
                // An unanswered scrape is what a stalled or dead CRM looks like; the sample says so.
                m = null;
            }
        }
        if (m == null) {
            lastGcTimeMs = -1;
            return new Sample(atSeconds, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, stats.requests(), stats.p50Ms(),
                    stats.p95Ms(), stats.errors(), stats.timeouts(), stats.logins(), stats.requestsPerSecond(),
                    stats.usersAffected(), JvmGauges.NONE);
        }
        long gcCount = 0;
        long gcTime = 0;
        for (JsonValue gc : m.getJsonArray("gc")) {
            gcCount += gc.asJsonObject().getJsonNumber("count").longValue();
            gcTime += gc.asJsonObject().getJsonNumber("timeMs").longValue();
        }
        // A new CRM process starts its counters at zero; a share is only meaningful within one process.
        double share = lastGcTimeMs < 0 || gcTime < lastGcTimeMs ? 0
                : Math.min(1, (gcTime - lastGcTimeMs) / (double) windowMillis);
        lastGcTimeMs = gcTime;
        JsonObject heap = m.getJsonObject("heap");
        JsonObject old = m.getJsonObject("old");
        JsonObject db = m.containsKey("db") ? m.getJsonObject("db") : JsonValue.EMPTY_JSON_OBJECT;
        return new Sample(atSeconds, true,
                heap.getJsonNumber("used").longValue(), heap.getJsonNumber("max").longValue(),
                old.getJsonNumber("used").longValue(), old.getJsonNumber("max").longValue(),
                old.getJsonNumber("floor").longValue(), gcCount, gcTime, share,
                m.getJsonNumber("requests").longValue(), m.getJsonNumber("errors").longValue(),
                m.getJsonObject("latencyMs").getJsonNumber("p95").doubleValue(),
                db.containsKey("queryMs") ? db.getJsonObject("queryMs").getJsonNumber("p95").doubleValue() : 0,
                db.getJsonObject("pool") != null && db.getJsonObject("pool").containsKey("waiting")
                        ? db.getJsonObject("pool").getInt("waiting") : 0,
                stats.requests(), stats.p50Ms(), stats.p95Ms(), stats.errors(), stats.timeouts(), stats.logins(),
                stats.requestsPerSecond(), stats.usersAffected(), m.containsKey("jvm") ? gauges(m.getJsonObject("jvm"), old)
                        : JvmGauges.NONE);
    }

    private static JvmGauges gauges(JsonObject jvm, JsonObject old) {
        JsonObject eden = jvm.getJsonObject("eden");
        JsonObject metaspace = jvm.getJsonObject("metaspace");
        JsonObject direct = jvm.getJsonObject("direct");
        JsonObject young = jvm.getJsonObject("young");
        JsonObject full = jvm.getJsonObject("full");
        return new JvmGauges(bytes(eden, "used"), bytes(eden, "committed"), bytes(metaspace, "used"),
                bytes(metaspace, "max"), bytes(direct, "used"), bytes(direct, "max"), bytes(direct, "count"),
                bytes(jvm, "rssBytes"), bytes(young, "count"), bytes(young, "timeMs"), bytes(full, "count"),
                bytes(full, "timeMs"), bytes(old, "afterFullGc"));
    }

    private static long bytes(JsonObject o, String key) {
        return o.getJsonNumber(key).longValue();
    }
}
