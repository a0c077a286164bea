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

/**
 * Seeding in the background on a daemon thread, ordered for a fast start: the data set is generated while the
 * database engine starts; log-in data loads first, then contacts; the activity history, which only reports read,
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
    private final ExecutorService thread;
    private final CompletableFuture<CrmDataSet> data;
    private final CompletableFuture<Void> historyWanted = new CompletableFuture<>();
    private CompletableFuture<Void> logins;
    private CompletableFuture<Void> serving;
    private CompletableFuture<SeedReport> seeded;

    /** Starts generating the data set at once. */
    CrmSeeding(long seed) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crm-db-seed");
            t.setDaemon(true);
            return t;
        });
        data = CompletableFuture.supplyAsync(() -> CrmDataSet.generate(seed), thread);
    }

    /** Starts loading into the database, whose tables must exist. */
    synchronized void load(Connector database) {
        logins = data.thenAcceptAsync(d -> run(database, CrmSeeder::loadLogins, d), thread);
        // One table after another: on two cores, contacts loading beside the log-in data slowed what the drill's
        // start waits for (the CRM's boot and its connection pool) more than it gained; they are ready well before
        // traffic begins.
        serving = logins.thenRunAsync(() -> run(database, CrmSeeder::loadContacts, data.join()), thread);
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
        }, thread);
        seeded.whenComplete((report, error) -> thread.shutdown());
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
        thread.shutdownNow();
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
