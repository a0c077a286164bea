package io.leakdrill.grader;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The alert metrics, by the names alert rules use, read back from a transcript's {@code sample} events, so a rule
 * the trainee proposes can be replayed against what the monitor recorded. The simulator's live metrics must agree
 * with these; a test there checks every one.
 */
public enum SampleMetric {
    OLD_GEN_AFTER_GC_RATIO("old_gen_after_gc_ratio", s -> s.number("oldAfterGcRatio", 0)),
    USER_P95_MS("user_p95_ms", s -> s.number("userP95Ms", 0)),
    USER_P50_MS("user_p50_ms", s -> s.number("userP50Ms", 0)),
    ERROR_RATIO("error_ratio", s -> s.number("errorRatio", 0)),
    USERS_AFFECTED("users_affected", s -> s.number("usersAffected", 0)),
    GC_TIME_SHARE("gc_time_share", s -> s.number("gcTimeShare", 0)),
    CRM_P95_MS("crm_p95_ms", s -> s.number("crmP95Ms", 0)),
    CRM_DB_P95_MS("crm_db_p95_ms", s -> s.number("crmDbP95Ms", 0)),
    DB_POOL_WAITING("db_pool_waiting", s -> s.number("dbPoolWaiting", 0)),
    REQUESTS_PER_SECOND("requests_per_second", s -> s.number("requestsPerSecond", 0)),
    METASPACE_RATIO("metaspace_ratio", s -> ratio(s, "metaspaceUsed", "metaspaceMax")),
    METASPACE_MB("metaspace_mb", s -> megabytes(s, "metaspaceUsed")),
    DIRECT_MEMORY_RATIO("direct_memory_ratio", s -> ratio(s, "directUsed", "directMax")),
    DIRECT_MEMORY_MB("direct_memory_mb", s -> megabytes(s, "directUsed")),
    RSS_MB("rss_mb", s -> megabytes(s, "rssBytes"));

    private static final double MB = 1_048_576.0;

    private final String id;
    private final ToDoubleFunction<Event> reader;

    SampleMetric(String id, ToDoubleFunction<Event> reader) {
        this.id = id;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    /** The metric in one sample, as the simulator's own metric of that name read it. */
    public double valueIn(jakarta.json.JsonObject sample) {
        return reader.applyAsDouble(new Event(0, 0, "sample", "", sample));
    }

    double valueIn(Event sample) {
        return reader.applyAsDouble(sample);
    }

    static Optional<SampleMetric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    private static double megabytes(Event sample, String bytes) {
        return sample.number(bytes, 0) / MB;
    }

    // A limit of 0 means the JVM sets none, and then there is no ratio to alert on.
    private static double ratio(Event sample, String used, String max) {
        double limit = sample.number(max, 0);
        return limit <= 0 ? 0 : sample.number(used, 0) / limit;
    }
}
