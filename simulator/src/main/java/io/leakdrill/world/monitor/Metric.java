package io.leakdrill.world.monitor;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The measured metrics alert rules may watch, by the names scenarios use. */
public enum Metric {
    OLD_GEN_AFTER_GC_RATIO("old_gen_after_gc_ratio", Sample::oldAfterGcRatio),
    USER_P95_MS("user_p95_ms", Sample::userP95Ms),
    USER_P50_MS("user_p50_ms", Sample::userP50Ms),
    ERROR_RATIO("error_ratio", Sample::errorRatio),
    USERS_AFFECTED("users_affected", Sample::usersAffected),
    GC_TIME_SHARE("gc_time_share", Sample::gcTimeShare),
    CRM_P95_MS("crm_p95_ms", Sample::crmP95Ms),
    REQUESTS_PER_SECOND("requests_per_second", Sample::requestsPerSecond);

    private final String id;
    private final ToDoubleFunction<Sample> reader;

    Metric(String id, ToDoubleFunction<Sample> reader) {
        this.id = id;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    public double valueIn(Sample sample) {
        return reader.applyAsDouble(sample);
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
