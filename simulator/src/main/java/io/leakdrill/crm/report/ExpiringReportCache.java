package io.leakdrill.crm.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The fixed report cache: drops reports once they expire and keeps at most a fixed number, least recent first. */
final class ExpiringReportCache implements ReportCache {

    private record Entry(String body, long expiresAtMillis) {
    }

    private final Map<String, Entry> reports;
    private final long ttlMillis;
    private final LongSupplier clock;

    ExpiringReportCache(int maxReports, long ttlMillis, LongSupplier clock) {
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.reports = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxReports;
            }
        };
    }

    @Override
    public String get(String key, Supplier<String> render) {
        long now = clock.getAsLong();
        synchronized (reports) {
            reports.values().removeIf(e -> e.expiresAtMillis() <= now);
            Entry cached = reports.get(key);
            if (cached != null) {
                return cached.body();
            }
        }
        // Render outside the lock: a slow export must not hold up everyone else's.
        String body = render.get();
        keep(key, body, now);
        return body;
    }

    /** Keeps a report rendered at {@code renderedAtMillis}, until its time to live from then runs out. */
    void keep(String key, String body, long renderedAtMillis) {
        synchronized (reports) {
            reports.put(key, new Entry(body, renderedAtMillis + ttlMillis));
        }
    }

    @Override
    public int size() {
        synchronized (reports) {
            return reports.size();
        }
    }

    @Override
    public String implementation() {
        return "ExpiringReportCache";
    }
}
