package io.leakdrill.world.database;

import io.leakdrill.world.Fault;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.tools.Server;

/**
 * The CRM's database: an H2 server in the drill's process, listening on 127.0.0.1 only, holding one in-memory
 * database with per-drill passwords, seeded from the drill's seed in the background. The server keeps its own query
 * statistics, so slow statements are measured where they run. Faults on the database are made here.
 */
public final class CrmDatabase implements AutoCloseable {

    public static final String CRM_USER = "CRM_APP";
    static final String ANALYST_USER = "BI_ANALYST";
    static final String JOB_USER = "TERRITORY_JOB";
    /** How long a statement waits for a row another transaction holds before the server gives up. */
    public static final Duration LOCK_TIMEOUT = Duration.ofMillis(1500);
    private static final String LOOPBACK = "127.0.0.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final Server server;
    private final Connection admin;
    private final Properties adminLogin;
    private final Map<String, String> passwords;
    private final CrmSeeding seeding;
    private final Instant startedAt = Instant.now();
    private final List<Fault> faults = new ArrayList<>();
    private DatabaseInspector inspector;
    private boolean closed;

    private CrmDatabase(String name, Server server, Connection admin, Properties adminLogin,
            Map<String, String> passwords, CrmSeeding seeding) {
        this.name = name;
        this.server = server;
        this.admin = admin;
        this.adminLogin = adminLogin;
        this.passwords = passwords;
        this.seeding = seeding;
        seeding.load(this::embedded);
    }

    /**
     * Creates the database and its users, starts the server on an ephemeral loopback port, and starts seeding; the
     * CRM may connect at once, but should wait for {@link #awaitLogins} and {@link #awaitServing} before it serves.
     */
    public static CrmDatabase start(long seed) throws SQLException {
        Loopback.require(LOOPBACK);
        CrmSeeding seeding = new CrmSeeding(seed);
        String name = "crm_" + hex(6);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of(CRM_USER, ANALYST_USER, JOB_USER)) {
            passwords.put(user, hex(16));
        }
        Properties adminLogin = new Properties();
        adminLogin.setProperty("user", "DBA");
        adminLogin.setProperty("password", hex(16));
        // The creating connection is the administrator's; the database lives until SHUTDOWN, not until it closes.
        Connection admin;
        try {
            admin = new org.h2.Driver().connect("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", adminLogin);
        } catch (SQLException | RuntimeException e) {
            seeding.stop();
            throw e;
        }
        Server server = null;
        try {
            try (Statement s = admin.createStatement()) {
                s.execute("SET DEFAULT_LOCK_TIMEOUT " + LOCK_TIMEOUT.toMillis());
                for (Map.Entry<String, String> user : passwords.entrySet()) {
                    s.execute("CREATE USER " + user.getKey() + " PASSWORD '" + user.getValue() + "'");
                }
                s.execute("CREATE SCHEMA " + CrmSchema.SCHEMA + " AUTHORIZATION " + CRM_USER);
                s.execute("GRANT SELECT ON SCHEMA " + CrmSchema.SCHEMA + " TO " + ANALYST_USER);
                s.execute("GRANT SELECT, UPDATE ON SCHEMA " + CrmSchema.SCHEMA + " TO " + JOB_USER);
                for (String ddl : CrmSchema.TABLE_DDL) {
                    s.execute(ddl);
                }
            }
            // No -tcpAllowOthers and no -ifNotExists: only local clients, and only this database.
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-tcpPassword", hex(16)).start();
            return new CrmDatabase(name, server, admin, adminLogin, passwords, seeding);
        } catch (SQLException | RuntimeException e) {
            seeding.stop();
            if (server != null) {
                server.stop();
            }
            shutdown(admin);
            throw e;
        }
    }

    /** A database on its way up, started on a thread of its own while the caller does other work. */
    public static final class Starting {

        private final CompletableFuture<CrmDatabase> started = new CompletableFuture<>();

        private Starting(long seed) {
            Thread starter = new Thread(() -> {
                try {
                    started.complete(start(seed));
                } catch (SQLException | RuntimeException e) {
                    started.completeExceptionally(e);
                }
            }, "crm-db-start");
            starter.setDaemon(true);
            starter.start();
        }

        /** Waits until the server listens and seeding has begun. */
        public CrmDatabase await() throws IOException {
            try {
                return started.get();
            } catch (ExecutionException e) {
                throw new IOException("the CRM's database did not start: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                abandon();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the CRM's database started");
            }
        }

        /** The CRM's login, once the server listens. */
        public CompletableFuture<DatabaseLogin> crmLogin() {
            return started.thenApply(CrmDatabase::crmLogin);
        }

        /** Closes the database as soon as it is up, for a caller that no longer needs it. */
        public void abandon() {
            started.thenAccept(CrmDatabase::close);
        }
    }

    /** {@link #start} in the background. */
    public static Starting startInBackground(long seed) {
        return new Starting(seed);
    }

    /** Seeding as a future, for callers that do other work meanwhile; the history loads once asked for. */
    public CompletableFuture<SeedReport> seeded() {
        return seeding.seeded();
    }

    /** Lets the activity history load; the drill asks once the CRM is live, so loading it never delays the start. */
    public void loadHistory() {
        seeding.loadHistory();
    }

    /** Waits until what a log-in reads is loaded and indexed: reps, customers and deals. */
    public void awaitLogins(Duration timeout) throws IOException {
        await(seeding.logins(), timeout);
    }

    /**
     * Waits until the CRM can serve every page: contacts too are loaded and indexed. The activity history, which
     * only reports read, may still be loading.
     */
    public void awaitServing(Duration timeout) throws IOException {
        await(seeding.serving(), timeout);
    }

    /** Loads the history if nobody asked yet, and waits until every table is loaded and statistics are on. */
    public SeedReport awaitSeeded(Duration timeout) throws IOException {
        loadHistory();
        return await(seeding.seeded(), timeout);
    }

    private static <T> T await(CompletableFuture<T> stage, Duration timeout) throws IOException {
        try {
            return stage.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            throw new IOException("seeding the CRM's database failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException("seeding the CRM's database took longer than " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while seeding the CRM's database");
        }
    }

    /** The login the CRM uses. */
    public DatabaseLogin crmLogin() {
        return login(CRM_USER);
    }

    DatabaseLogin login(String user) {
        return new DatabaseLogin(url(), user, passwords.get(user));
    }

    /** The JDBC URL clients use; it names the server's loopback address and port. */
    public String url() {
        return "jdbc:h2:tcp://" + LOOPBACK + ":" + server.getPort() + "/mem:" + name;
    }

    public String host() {
        return LOOPBACK;
    }

    public int port() {
        return server.getPort();
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The database's own view of itself: sessions, locks, statement statistics. */
    public synchronized DatabaseInspector inspector() {
        if (inspector == null) {
            inspector = new DatabaseInspector(admin, this);
        }
        return inspector;
    }

    /**
     * Analysts' BI dashboards refreshing a heavy forecast report (a join of deals with their reps' activity that no
     * index serves; about a second or more per run on the server), {@code analysts} connections side by side, each
     * pausing {@code pause} between runs.
     */
    public synchronized Fault slowReportQuery(int analysts, Duration pause) {
        return track(new SlowReportQuery(this, analysts, pause));
    }

    /**
     * A territory-reassignment job that updates {@code dealCount} deals from {@code firstDealId} on and then sits
     * on its open transaction, so those rows stay locked until the fault ends.
     */
    public synchronized Fault longTransaction(long firstDealId, int dealCount) {
        return track(new LongTransaction(this, firstDealId, dealCount));
    }

    private Fault track(Fault fault) {
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        faults.add(fault);
        return fault;
    }

    /** A connection over the server's TCP port as another client would open it. */
    Connection connect(String user) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", passwords.get(user));
        return new org.h2.Driver().connect(url(), login);
    }

    private Connection embedded() throws SQLException {
        return new org.h2.Driver().connect("jdbc:h2:mem:" + name, adminLogin);
    }

    /** Ends every fault, stops the server (closing its clients' sessions) and drops the in-memory database. */
    @Override
    public void close() {
        List<Fault> active;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            active = List.copyOf(faults);
        }
        active.forEach(Fault::end);
        server.stop();
        seeding.stop();
        synchronized (this) {
            shutdown(admin);
        }
    }

    private static void shutdown(Connection admin) {
        try (Statement s = admin.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // Already closed; the in-memory database goes with its last session either way.
        }
        try {
            admin.close();
        } catch (SQLException ignored) {
            // SHUTDOWN has closed it.
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
