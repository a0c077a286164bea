package io.leakdrill.world.database;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.leakdrill.world.Fault;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CRM's database on its own: where it listens, what it holds, and the two faults it can suffer. */
class CrmDatabaseTest {

    private static final Duration SEEDING = Duration.ofSeconds(30);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private CrmDatabase database(long seed) throws Exception {
        CrmDatabase db = CrmDatabase.start(seed);
        open.add(db);
        db.awaitSeeded(SEEDING);
        return db;
    }

    private Connection crm(CrmDatabase db) throws SQLException {
        DatabaseLogin login = db.crmLogin();
        Properties props = new Properties();
        props.setProperty("user", login.user());
        props.setProperty("password", login.password());
        Connection c = new org.h2.Driver().connect(login.url(), props);
        open.add(c);
        return c;
    }

    @Test
    void listensOnLoopbackOnlyAndClosesItsSocket() throws Exception {
        CrmDatabase db = CrmDatabase.start(1);
        open.add(db);
        int port = db.port();
        assertTrue(db.url().startsWith("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:"), db.url());
        assumeTrue(Files.exists(Path.of("/proc/net/tcp")), "the kernel's socket table is readable on Linux only");
        assertEquals(Optional.of("127.0.0.1"), listeningAddress(port), "the server's listening address");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertTrue(s.isConnected());
        }
        db.close();
        assertFalse(listeningAddress(port).isPresent(), "no listener after close");
        await("the server's threads end").atMost(Duration.ofSeconds(2)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().noneMatch(t -> t.getName().contains(":" + port + ")")));
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void holdsACrmSizedDataSetThatTheSeedDetermines() throws Exception {
        CrmDatabase first = database(11);
        CrmDatabase second = database(11);
        CrmDatabase other = database(12);

        SeedReport report = first.awaitSeeded(SEEDING);
        assertTrue(report.totalRows() > 40_000, "rows: " + report.rows());
        Map<String, Long> rows = first.inspector().status().tableRows();
        report.rows().forEach((table, count) -> assertEquals(count.longValue(), rows.get(table), table));
        try (Statement s = crm(first).createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(DISTINCT OWNER_ID), MIN(N), MAX(N) FROM"
                        + " (SELECT OWNER_ID, COUNT(*) AS N FROM CRM.DEALS GROUP BY OWNER_ID)")) {
            r.next();
            assertEquals(40, r.getInt(1), "sales reps with a pipeline");
            assertTrue(r.getInt(2) > 180 && r.getInt(3) < 330, "deals per rep " + r.getInt(2) + ".." + r.getInt(3));
        }

        for (String table : CrmSchema.TABLES) {
            assertEquals(fingerprint(first, table), fingerprint(second, table), table + " from the same seed");
        }
        assertNotEquals(fingerprint(first, "DEALS"), fingerprint(other, "DEALS"), "another seed, other deals");
        assertNotEquals(fingerprint(first, "ACTIVITIES"), fingerprint(other, "ACTIVITIES"));
    }

    private String fingerprint(CrmDatabase db, String table) throws SQLException {
        try (Statement s = crm(db).createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM CRM." + table + " ORDER BY 1")) {
            int columns = r.getMetaData().getColumnCount();
            long hash = 17;
            int count = 0;
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    hash = hash * 31 + String.valueOf(r.getObject(i)).hashCode();
                }
                count++;
            }
            return count + ":" + Long.toHexString(hash);
        }
    }

    @Test
    void theSlowReportRunsOnTheServerUntilTheFaultEnds() throws Exception {
        CrmDatabase db = database(5);
        assertTrue(db.inspector().slowStatements(200).isEmpty(), "a fresh database has no slow statements");
        Fault report = db.slowReportQuery(1, Duration.ZERO);
        open.add(report::end);
        report.begin();

        await("the report shows in the server's slow statements").atMost(Duration.ofSeconds(30))
                .until(() -> db.inspector().slowStatements(200).stream()
                        .anyMatch(s -> s.sql().contains("CRM.ACTIVITIES A") && s.maxMs() > 200));
        await("an analyst session runs it").atMost(Duration.ofSeconds(10)).until(() -> db.inspector().status()
                .running().stream().anyMatch(s -> s.user().equals(CrmDatabase.ANALYST_USER)));

        report.end();
        assertTrue(db.inspector().status().sessions().stream()
                .noneMatch(s -> s.user().equals(CrmDatabase.ANALYST_USER)), "the analyst has disconnected");
        long runs = executions(db);
        await("no report runs after the fault ended").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> executions(db) == runs);
    }

    private static long executions(CrmDatabase db) throws SQLException {
        return db.inspector().slowStatements(0).stream().filter(s -> s.sql().contains("CRM.ACTIVITIES A"))
                .mapToLong(DatabaseInspector.SlowStatement::executions).sum();
    }

    @Test
    void aLongTransactionMakesUpdatesOfItsRowsWaitAndTimeOutUntilItEnds() throws Exception {
        CrmDatabase db = database(5);
        Fault job = db.longTransaction(100, 20);
        open.add(job::end);
        job.begin();
        Connection crm = crm(db);

        CompletableFuture<Long> blocked = CompletableFuture.supplyAsync(() -> timedUpdate(crm, 110));
        await("the CRM's update waits for the job's lock").atMost(Duration.ofSeconds(5)).until(() -> {
            DatabaseInspector.Locks locks = db.inspector().locks();
            return locks.waiting().stream().anyMatch(s -> s.user().equals(CrmDatabase.CRM_USER)
                    && locks.holders().stream().anyMatch(h -> h.id() == s.blockerId()
                            && h.user().equals(CrmDatabase.JOB_USER)));
        });
        long waited = blocked.join();
        assertTrue(waited < 0, "the update of a locked deal timed out");
        assertTrue(-waited >= CrmDatabase.LOCK_TIMEOUT.toMillis() - 100, "it waited " + -waited + " ms");
        assertTrue(timedUpdate(crm, 99) >= 0, "deals outside the job's range update at once");

        job.end();
        assertTrue(db.inspector().locks().holders().isEmpty(), "no open transaction after the fault ended");
        assertTrue(timedUpdate(crm, 110) >= 0, "the deal updates once the job rolled back");
    }

    /** Milliseconds the update took, negated when it timed out waiting for a lock. */
    private static long timedUpdate(Connection c, long dealId) {
        long start = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement("UPDATE CRM.DEALS SET STAGE = 'won' WHERE ID = ?")) {
            s.setLong(1, dealId);
            assertEquals(1, s.executeUpdate());
            return (System.nanoTime() - start) / 1_000_000;
        } catch (SQLTimeoutException e) {
            return -(System.nanoTime() - start) / 1_000_000;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local address listening on the port, from the kernel's own table, or empty if none. */
    private static Optional<String> listeningAddress(int port) throws IOException {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !"0A".equals(f[3]) || !f[1].contains(":")) {
                    continue;
                }
                String[] local = f[1].split(":");
                if (Integer.parseInt(local[1], 16) == port) {
                    return Optional.of(ipv4(local[0]));
                }
            }
        }
        return Optional.empty();
    }

    // The kernel prints addresses as little-endian hex words; IPv4-mapped IPv6 keeps the IPv4 part last.
    private static String ipv4(String hex) {
        String last = hex.substring(hex.length() - 8);
        if (hex.length() == 32 && !hex.substring(0, 24).equals("0000000000000000FFFF0000")) {
            return hex.toLowerCase(Locale.ROOT).equals("00000000000000000000000000000000") ? "::" : hex;
        }
        return String.format(Locale.ROOT, "%d.%d.%d.%d", Integer.parseInt(last.substring(6, 8), 16),
                Integer.parseInt(last.substring(4, 6), 16), Integer.parseInt(last.substring(2, 4), 16),
                Integer.parseInt(last.substring(0, 2), 16));
    }
}
