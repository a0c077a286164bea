package io.leakdrill.crm.data;

import io.leakdrill.crm.CrmLog;
import io.leakdrill.crm.telemetry.DatabaseStats;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The CRM's connections to its database: a HikariCP pool, with every call timed from the CRM's side and slow calls,
 * pool time-outs and lock time-outs written to the CRM's log as a real server would.
 */
public final class DatabasePool implements AutoCloseable {

    public static final int SIZE = 10;
    private static final String SCHEMA = "CRM";
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    static final long SLOW_MILLIS = 500;

    /** One unit of work on a borrowed connection. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
    private final CompletableFuture<DatabaseCredentials> credentials;
    private final DatabaseStats stats;
    private final CrmLog log;

    /**
     * Opens the pool on a thread of its own once the credentials arrive, so the CRM starts serving HTTP meanwhile;
     * the first database call waits for it, and every call fails with the reason if it could not open.
     */
    public DatabasePool(CompletableFuture<DatabaseCredentials> credentials, CrmLog log, DatabaseStats stats) {
        this.credentials = credentials;
        this.stats = stats;
        this.log = log;
        Thread opener = new Thread(() -> open(credentials), "crm-db-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void open(CompletableFuture<DatabaseCredentials> credentials) {
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config(credentials.join()));
        } catch (RuntimeException e) {
            log.error("cannot open the database connection pool", e);
            pool.completeExceptionally(e);
            return;
        }
        HikariPoolMXBean gauges = dataSource.getHikariPoolMXBean();
        stats.watch(new DatabaseStats.Pool() {
            @Override
            public int max() {
                return SIZE;
            }

            @Override
            public int active() {
                return gauges.getActiveConnections();
            }

            @Override
            public int idle() {
                return gauges.getIdleConnections();
            }

            @Override
            public int total() {
                return gauges.getTotalConnections();
            }

            @Override
            public int waiting() {
                return gauges.getThreadsAwaitingConnection();
            }
        });
        pool.complete(dataSource);
    }

    private static HikariConfig config(DatabaseCredentials credentials) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("crm-db");
        config.setDriverClassName("org.h2.Driver");
        config.setJdbcUrl(credentials.url());
        config.setUsername(credentials.user());
        config.setPassword(credentials.password());
        config.setSchema(SCHEMA);
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // Fill the pool at once, on a thread per core, rather than one connection at a time from the housekeeper
        // 100 ms later: each H2 connection costs tens of ms, and the drill's start waits for all of them before it
        // measures what the leak keeps. HikariCP does this only for a pool that may wait to open.
        System.setProperty("com.zaxxer.hikari.blockUntilFilled", "true");
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
        return config;
    }

    private HikariDataSource pool() {
        try {
            return pool.join();
        } catch (CompletionException e) {
            stats.failed();
            throw new DatabaseException("the database connection pool did not open: " + e.getCause(), e.getCause());
        }
    }

    /** Borrows a connection, runs the work on it, and gives it back; {@code what} names the call in the log. */
    public <T> T run(String what, Work<T> work) {
        long start = System.nanoTime();
        Connection connection;
        try {
            connection = pool().getConnection();
        } catch (SQLTransientConnectionException e) {
            stats.connectionTimedOut();
            log.warn("no database connection for " + what + " within " + CONNECTION_TIMEOUT.toMillis()
                    + " ms (pool: " + poolState() + ")");
            throw new DatabaseException(what + ": no database connection available", e);
        } catch (SQLException e) {
            stats.failed();
            throw new DatabaseException(what + ": cannot connect to the database: " + e.getMessage(), e);
        }
        long acquired = System.nanoTime();
        long waitMicros = (acquired - start) / 1000;
        stats.acquired(waitMicros);
        boolean ok = false;
        try (connection) {
            T result = work.run(connection);
            ok = true;
            return result;
        } catch (SQLTimeoutException e) {
            stats.lockTimedOut();
            log.warn("database lock wait timed out: " + what + " gave up after " + millisSince(acquired) + " ms: "
                    + firstLine(e));
            throw new DatabaseException(what + ": lock wait timed out", e);
        } catch (SQLException e) {
            stats.failed();
            throw new DatabaseException(what + " failed: " + firstLine(e), e);
        } finally {
            // Failed calls count too: a lock wait that timed out is time the CRM spent on the database.
            long took = millisSince(acquired);
            stats.called((System.nanoTime() - acquired) / 1000, took > SLOW_MILLIS);
            if (ok && took > SLOW_MILLIS) {
                log.warn("slow database call: " + what + " took " + took + " ms, after waiting " + waitMicros / 1000
                        + " ms for a connection (pool: " + poolState() + ")");
            }
        }
    }

    /**
     * Runs one unit of work on a connection of its own, opened for it and closed after, outside the pool and its
     * statistics: for the drill's warm-up, which reads every pipeline while the pool is still opening rather than
     * after (HikariCP paces the opening: 30 ms after each connection).
     */
    public <T> T runAside(String what, Work<T> work) {
        DatabaseCredentials login;
        try {
            login = credentials.join();
        } catch (CompletionException e) {
            throw new DatabaseException(what + ": no database login: " + e.getCause(), e.getCause());
        }
        Properties properties = new Properties();
        properties.setProperty("user", login.user());
        properties.setProperty("password", login.password());
        try (Connection connection = new org.h2.Driver().connect(login.url(), properties)) {
            connection.setSchema(SCHEMA);
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(what + " failed: " + firstLine(e), e);
        }
    }

    /**
     * Waits, at most {@code timeout}, until the pool holds all its connections: it opens them in the background, and
     * each one's buffers would otherwise show up in a heap measurement taken meanwhile.
     */
    public void awaitFull(Duration timeout) {
        HikariPoolMXBean gauges = pool().getHikariPoolMXBean();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (gauges.getTotalConnections() < SIZE && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private String poolState() {
        HikariPoolMXBean gauges = pool().getHikariPoolMXBean();
        return gauges.getActiveConnections() + " in use, " + gauges.getIdleConnections() + " idle, "
                + gauges.getThreadsAwaitingConnection() + " waiting";
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public void close() {
        pool.thenAccept(HikariDataSource::close);
    }
}
