package io.leakdrill.world.monitor;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The measured metrics alert rules may watch, by the names scenarios use. */
public enum Metric {
    OLD_GEN_AFTER_GC_RATIO("old_gen_after_gc_ratio", Sample::oldAfterGcRatio, 1),
    USER_P95_MS("user_p95_ms", Sample::userP95Ms, Double.POSITIVE_INFINITY),
    USER_P50_MS("user_p50_ms", Sample::userP50Ms, Double.POSITIVE_INFINITY),
    ERROR_RATIO("error_ratio", Sample::errorRatio, 1),
    USERS_AFFECTED("users_affected", Sample::usersAffected, 1),
    GC_TIME_SHARE("gc_time_share", Sample::gcTimeShare, 1),
    CRM_P95_MS("crm_p95_ms", Sample::crmP95Ms, Double.POSITIVE_INFINITY),
    CRM_DB_P95_MS("crm_db_p95_ms", Sample::crmDbP95Ms, Double.POSITIVE_INFINITY),
    DB_POOL_WAITING("db_pool_waiting", Sample::dbPoolWaiting, Double.POSITIVE_INFINITY),
    REQUESTS_PER_SECOND("requests_per_second", Sample::requestsPerSecond, Double.POSITIVE_INFINITY),
    METASPACE_RATIO("metaspace_ratio", s -> s.jvm().metaspaceRatio(), 1),
    METASPACE_MB("metaspace_mb", s -> s.jvm().metaspaceUsed() / 1_048_576.0, Double.POSITIVE_INFINITY),
    DIRECT_MEMORY_RATIO("direct_memory_ratio", s -> s.jvm().directRatio(), 1),
    DIRECT_MEMORY_MB("direct_memory_mb", s -> s.jvm().directUsed() / 1_048_576.0, Double.POSITIVE_INFINITY),
    RSS_MB("rss_mb", s -> s.jvm().rssBytes() / 1_048_576.0, Double.POSITIVE_INFINITY);

    private final String id;
    private final ToDoubleFunction<Sample> reader;
    private final double max;

    Metric(String id, ToDoubleFunction<Sample> reader, double max) {
        this.id = id;
        this.reader = reader;
        this.max = max;
    }

    /** The largest value the metric can take (every metric is at least zero). */
    public double max() {
        return max;
    }

    public String id() {
        return id;
    }

    public double valueIn(Sample sample) {
        return reader.applyAsDouble(sample);
    }

    /** Every metric's name, for error messages and completion. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Metric::id).toList());
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
