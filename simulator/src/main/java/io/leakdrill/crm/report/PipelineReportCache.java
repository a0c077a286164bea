package io.leakdrill.crm.report;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The report cache as first shipped: a report older than its time to live is rendered again on the next request for
 * the same key, but nothing ever removes a key. Every distinct filter a user tries stays in the map for good.
 */
final class PipelineReportCache implements ReportCache {

    record CachedReport(String key, String body, long renderedAtMillis) {
    }

    // Static so that every handler shares one cache: the reason it outlives every request and every user.
    private static final Map<String, CachedReport> REPORTS = new ConcurrentHashMap<>();

    private final long ttlMillis;
    private final LongSupplier clock;

    PipelineReportCache(long ttlMillis, LongSupplier clock) {
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    @Override
    public String get(String key, Supplier<String> render) {
        long now = clock.getAsLong();
        CachedReport cached = REPORTS.get(key);
        if (cached != null && now - cached.renderedAtMillis() < ttlMillis) {
            return cached.body();
        }
        String body = render.get();
        REPORTS.put(key, new CachedReport(key, body, now));
        return body;
    }

    @Override
    public int size() {
        return REPORTS.size();
    }

    @Override
    public String implementation() {
        return "PipelineReportCache";
    }

    /**
     * Hands the cache over to a fixed implementation: the reports still fresh go to {@code fixed}, oldest first, as
     * they would be there had it run all along, and the static map lets go of everything it held.
     */
    void handOverTo(ExpiringReportCache fixed) {
        long now = clock.getAsLong();
        REPORTS.values().stream().filter(r -> now - r.renderedAtMillis() < ttlMillis)
                .sorted(Comparator.comparingLong(CachedReport::renderedAtMillis))
                .forEach(r -> fixed.keep(r.key(), r.body(), r.renderedAtMillis()));
        REPORTS.clear();
    }
}
