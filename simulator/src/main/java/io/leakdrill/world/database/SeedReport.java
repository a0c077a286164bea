package io.leakdrill.world.database;

import java.util.Map;

/**
 * What seeding loaded (rows per table) and how long it took: until the CRM could serve, and until the last table
 * was loaded and indexed.
 */
public record SeedReport(Map<String, Integer> rows, long servingMillis, long millis) {

    public int totalRows() {
        return rows.values().stream().mapToInt(Integer::intValue).sum();
    }
}
