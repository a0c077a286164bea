package io.leakdrill.world.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeding in the background on two daemon threads, ordered for a fast start: the data set is generated while the
 * database engine starts; log-in data and contacts load side by side; the activity history, which only reports read,
 * loads when asked for; statement statistics start after the last row.
 */
final class CrmSeeding {

    /** Opens a fresh administrator connection to the database being seeded. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private interface Loader {
        void load(Connection db, CrmDataSet data) throws SQLException;
    }

    private final long start = System.nanoTime();
    private final ExecutorService threads;
    private final CompletableFuture<CrmDataSet> data;
    private final CompletableFuture<Void> historyWanted = new CompletableFuture<>();
    private CompletableFuture<Void> logins;
    private CompletableFuture<Void> serving;
    private CompletableFuture<SeedReport> seeded;

    /** Starts generating the data set at once. */
    CrmSeeding(long seed) {
        AtomicInteger ids = new AtomicInteger();
        threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "crm-db-seed-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        data = CompletableFuture.supplyAsync(() -> CrmDataSet.generate(seed), threads);
    }

    /** Starts loading into the database, whose tables must exist. */
    synchronized void load(Connector database) {
        logins = data.thenAcceptAsync(d -> run(database, CrmSeeder::loadLogins, d), threads);
        serving = CompletableFuture.allOf(logins,
                data.thenAcceptAsync(d -> run(database, CrmSeeder::loadContacts, d), threads));
        seeded = serving.thenCombineAsync(historyWanted, (a, b) -> {
            long servingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            CrmDataSet loaded = data.join();
            run(database, CrmSeeder::loadHistory, loaded);
            run(database, (db, d) -> {
                try (Statement s = db.createStatement()) {
                    // Statistics start now, so loading the data never shows up as a slow statement.
                    s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 500");
                    s.execute("SET QUERY_STATISTICS TRUE");
                }
            }, loaded);
            return new SeedReport(rows(loaded), servingMillis,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }, threads);
        seeded.whenComplete((report, error) -> threads.shutdown());
    }

    /** Lets the activity history load; until then it waits, so it never slows the drill's start. */
    void loadHistory() {
        historyWanted.complete(null);
    }

    synchronized CompletableFuture<Void> logins() {
        return logins;
    }

    synchronized CompletableFuture<Void> serving() {
        return serving;
    }

    synchronized CompletableFuture<SeedReport> seeded() {
        return seeded;
    }

    void stop() {
        historyWanted.cancel(false);
        threads.shutdownNow();
    }

    private static void run(Connector database, Loader loader, CrmDataSet data) {
        try (Connection db = database.open()) {
            loader.load(db, data);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static Map<String, Integer> rows(CrmDataSet data) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("SALES_REPS", data.reps().size());
        rows.put("CUSTOMERS", data.customers().size());
        rows.put("CONTACTS", data.contacts().size());
        rows.put("DEALS", data.deals().size());
        rows.put("ACTIVITIES", data.activities().size());
        return rows;
    }
}
