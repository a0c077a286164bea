package io.leakdrill.world.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database as its administrator sees it, read from the server's own INFORMATION_SCHEMA: who is connected and
 * what they run, who waits for whom, which statements were slow by the server's own measure.
 */
public final class DatabaseInspector {

    /** One client session as the server sees it. {@code blockerId} is the session it waits for, or 0. */
    public record SessionInfo(int id, String user, String client, String state, String statement,
            Duration running, int blockerId, boolean uncommitted, Duration idle) {

        public boolean blocked() {
            return blockerId > 0;
        }
    }

    /** The server's side at one moment: its sessions (not counting the inspector's own) and rows per table. */
    public record Status(String version, Instant at, Duration uptime, List<SessionInfo> sessions,
            Map<String, Long> tableRows) {

        public List<SessionInfo> running() {
            return sessions.stream().filter(s -> s.statement() != null).toList();
        }

        public Optional<SessionInfo> longestRunning() {
            return running().stream().max(Comparator.comparing(SessionInfo::running));
        }

        public List<SessionInfo> blocked() {
            return sessions.stream().filter(SessionInfo::blocked).toList();
        }
    }

    /** A statement's execution statistics as H2 measured them since statistics were turned on. */
    public record SlowStatement(String sql, long executions, double maxMs, double averageMs, double totalMs) {
    }

    /** A table lock held by a session. */
    public record TableLock(String table, int sessionId, String user, String type) {
    }

    /** Locks held, the sessions holding them, and the sessions waiting for a lock. */
    public record Locks(List<TableLock> locks, List<SessionInfo> holders, List<SessionInfo> waiting) {
    }

    private final Connection admin;
    private final CrmDatabase database;

    DatabaseInspector(Connection admin, CrmDatabase database) {
        this.admin = admin;
        this.database = database;
    }

    public Status status() throws SQLException {
        synchronized (database) {
            Instant now = Instant.now();
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Statement s = admin.createStatement()) {
                for (String table : CrmSchema.TABLES) {
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + CrmSchema.SCHEMA + "." + table)) {
                        r.next();
                        rows.put(table, r.getLong(1));
                    }
                }
            }
            return new Status(admin.getMetaData().getDatabaseProductVersion(), now,
                    Duration.between(database.startedAt(), now), sessions(), rows);
        }
    }

    /** Statements whose longest execution took more than {@code thresholdMs}, slowest first. */
    public List<SlowStatement> slowStatements(double thresholdMs) throws SQLException {
        synchronized (database) {
            List<SlowStatement> slow = new ArrayList<>();
            // Every query here reads CURRENT_TIMESTAMP: H2 reuses a query's last result while no table data changed,
            // and reading statistics, sessions or locks changes none.
            try (PreparedStatement s = admin.prepareStatement("SELECT SQL_STATEMENT, EXECUTION_COUNT,"
                    + " MAX_EXECUTION_TIME, AVERAGE_EXECUTION_TIME, CUMULATIVE_EXECUTION_TIME, CURRENT_TIMESTAMP"
                    + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE MAX_EXECUTION_TIME > ?"
                    + " ORDER BY MAX_EXECUTION_TIME DESC")) {
                s.setDouble(1, thresholdMs);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        slow.add(new SlowStatement(r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4),
                                r.getDouble(5)));
                    }
                }
            }
            return slow;
        }
    }

    public Locks locks() throws SQLException {
        synchronized (database) {
            List<SessionInfo> sessions = sessions();
            Map<Integer, SessionInfo> byId = new LinkedHashMap<>();
            sessions.forEach(s -> byId.put(s.id(), s));
            List<TableLock> locks = new ArrayList<>();
            try (Statement s = admin.createStatement();
                    ResultSet r = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, SESSION_ID, LOCK_TYPE,"
                            + " CURRENT_TIMESTAMP FROM INFORMATION_SCHEMA.LOCKS WHERE SESSION_ID <> SESSION_ID()"
                            + " ORDER BY TABLE_NAME, SESSION_ID")) {
                while (r.next()) {
                    SessionInfo owner = byId.get(r.getInt(3));
                    locks.add(new TableLock(r.getString(1) + "." + r.getString(2), r.getInt(3),
                            owner == null ? "?" : owner.user(), r.getString(4)));
                }
            }
            List<SessionInfo> waiting = sessions.stream().filter(SessionInfo::blocked).toList();
            List<SessionInfo> holders = sessions.stream()
                    .filter(s -> s.uncommitted() || waiting.stream().anyMatch(w -> w.blockerId() == s.id()))
                    .toList();
            return new Locks(locks, holders, waiting);
        }
    }

    private List<SessionInfo> sessions() throws SQLException {
        List<SessionInfo> sessions = new ArrayList<>();
        try (Statement s = admin.createStatement();
                // Durations by the server's own clock, the one its timestamps come from.
                ResultSet r = s.executeQuery("SELECT SESSION_ID, USER_NAME, CLIENT_ADDR, SESSION_STATE,"
                        + " EXECUTING_STATEMENT, DATEDIFF(MILLISECOND, EXECUTING_STATEMENT_START, CURRENT_TIMESTAMP),"
                        + " BLOCKER_ID, CONTAINS_UNCOMMITTED, DATEDIFF(MILLISECOND, SLEEP_SINCE, CURRENT_TIMESTAMP)"
                        + " FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() ORDER BY SESSION_ID")) {
            while (r.next()) {
                String statement = r.getString(5);
                sessions.add(new SessionInfo(r.getInt(1), r.getString(2), r.getString(3), r.getString(4),
                        statement == null ? null : withoutParameters(statement), millis(r.getLong(6)), r.getInt(7),
                        r.getBoolean(8), millis(r.getLong(9))));
            }
        }
        return sessions;
    }

    // H2 appends the bound values ("{1: 'lost', 2: 42}"); the statement's shape is what identifies it.
    private static String withoutParameters(String statement) {
        int values = statement.lastIndexOf(" {1: ");
        return values > 0 ? statement.substring(0, values) : statement;
    }

    private static Duration millis(long value) {
        return Duration.ofMillis(Math.max(0, value));
    }
}
