package io.leakdrill.crm.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps each rendered report for a few seconds so a user who clicks "export" twice gets the same file. A healthy,
 * bounded neighbour of the session cache: its entries live long enough to reach the old generation, then die.
 */
final class ReportCache {

    private record Entry(String body, long expiresAtMillis) {
    }

    private final Map<String, Entry> reports = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final LongSupplier clock;

    ReportCache(long ttlMillis, LongSupplier clock) {
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    String get(String key, Supplier<String> render) {
        long now = clock.getAsLong();
        reports.values().removeIf(e -> e.expiresAtMillis() <= now);
        Entry cached = reports.get(key);
        if (cached != null) {
            return cached.body();
        }
        String body = render.get();
        reports.put(key, new Entry(body, now + ttlMillis));
        return body;
    }
}
