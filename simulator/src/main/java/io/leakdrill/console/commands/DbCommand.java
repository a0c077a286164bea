package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.drill.Drill;
import io.leakdrill.world.database.DatabaseInspector.Locks;
import io.leakdrill.world.database.DatabaseInspector.SessionInfo;
import io.leakdrill.world.database.DatabaseInspector.SlowStatement;
import io.leakdrill.world.database.DatabaseInspector.Status;
import io.leakdrill.world.database.DatabaseInspector.TableLock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The database, asked about itself as a DBA would: sessions, running statements, locks and the server's own
 * statement timings; `db status` adds, clearly apart, the CRM's view of its connection pool.
 */
public final class DbCommand implements Command {

    private static final double DEFAULT_SLOW_MS = 200;
    private static final int SQL_WIDTH = 120;

    @Override
    public String name() {
        return "db";
    }

    @Override
    public String summary() {
        return "`db status`: server sessions, running statements, tables, and the CRM's pool; `db slowlog [MS]`: "
                + "statements slower than MS on the server; `db locks`: locks and who waits for them";
    }

    @Override
    public String usage() {
        return "db status | db slowlog [MS] | db locks";
    }

    @Override
    public Purpose purpose() {
        return Purpose.WORLD;
    }

    @Override
    public String example() {
        return "db slowlog 200";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? List.of("status", "slowlog", "locks") : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("db needs a sub-command");
        }
        return switch (args.get(0)) {
            case "status" -> status(session);
            case "slowlog" -> slowlog(args.subList(1, args.size()), session);
            case "locks" -> locks(session);
            default -> throw new UsageException("unknown sub-command '" + args.get(0) + "'");
        };
    }

    private Result status(DrillSession session) throws Exception {
        Drill drill = session.drill();
        var database = drill.database();
        Status status = database.inspector().status();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Database server (its own view): H2 %s on %s:%d, up %s%n",
                status.version(), database.host(), database.port(), duration(status.uptime())));
        Map<String, Long> byUser = status.sessions().stream()
                .collect(Collectors.groupingBy(SessionInfo::user, TreeMap::new, Collectors.counting()));
        text.append(String.format(Locale.ROOT, "Sessions   %d connected%s%n", status.sessions().size(),
                byUser.isEmpty() ? "" : ": " + byUser.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))));
        var longest = status.longestRunning();
        text.append(String.format(Locale.ROOT, "Running    %d statement%s now%s%n", status.running().size(),
                status.running().size() == 1 ? "" : "s",
                longest.map(s -> String.format(Locale.ROOT, "; longest %s, %s (session %d): %s",
                        duration(s.running()), s.user(), s.id(), sql(s.statement()))).orElse("")));
        List<SessionInfo> blocked = status.blocked();
        text.append(String.format(Locale.ROOT, "Blocked    %d session%s waiting for a lock%s%n", blocked.size(),
                blocked.size() == 1 ? "" : "s", blocked.isEmpty() ? "" : " (`db locks` shows who holds it)"));
        text.append("Tables     ").append(status.tableRows().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "))).append("\n\n");
        text.append(crmSide(drill));
        session.evidence(Json.createObjectBuilder().add("kind", "db-status")
                .add("sessions", status.sessions().size()).add("running", status.running().size())
                .add("blocked", blocked.size()));
        return Result.ok(text.toString().strip());
    }

    // The CRM's own measurements: a stalled CRM holds connections longer and times queries it was too slow to read.
    private static String crmSide(Drill drill) {
        StringBuilder text = new StringBuilder("The CRM's side (its connection pool, from its /admin/metrics):\n");
        if (drill.crm().port() < 0) {
            return text.append("           the CRM is down; there is no pool to show\n").toString();
        }
        JsonObject db;
        try {
            db = drill.crm().admin().metrics(Duration.ofSeconds(5)).getJsonObject("db");
        } catch (Exception e) {
            return text.append("           the CRM did not answer: ").append(e.getMessage()).append('\n').toString();
        }
        JsonObject pool = db.getJsonObject("pool");
        JsonObject acquire = db.getJsonObject("acquireMs");
        JsonObject queries = db.getJsonObject("queryMs");
        text.append(String.format(Locale.ROOT,
                "Pool       %d of %d connections in use, %d idle, %d threads waiting for one; wait p95 %s%n",
                pool.getInt("active", 0), pool.getInt("max", 0), pool.getInt("idle", 0), pool.getInt("waiting", 0),
                Format.ms(acquire.getJsonNumber("p95").doubleValue())));
        text.append(String.format(Locale.ROOT,
                "Queries    p95 %s, max %s as the CRM timed them (its wall clock, last 10 s)%n",
                Format.ms(queries.getJsonNumber("p95").doubleValue()),
                Format.ms(queries.getJsonNumber("max").doubleValue())));
        text.append(String.format(Locale.ROOT,
                "Failures   %d slow calls (>500 ms), %d connection time-outs, %d lock time-outs, %d errors "
                        + "since the CRM started%n",
                db.getJsonNumber("slowQueries").longValue(), db.getJsonNumber("connectionTimeouts").longValue(),
                db.getJsonNumber("lockTimeouts").longValue(), db.getJsonNumber("errors").longValue()));
        return text.toString();
    }

    private Result slowlog(List<String> args, DrillSession session) throws Exception {
        double threshold = DEFAULT_SLOW_MS;
        if (args.size() > 1) {
            throw new UsageException("slowlog takes at most one threshold in milliseconds");
        }
        if (args.size() == 1) {
            try {
                threshold = Double.parseDouble(args.get(0));
            } catch (NumberFormatException e) {
                threshold = -1;
            }
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new UsageException("invalid threshold '" + args.get(0) + "'; give milliseconds, e.g. 200");
            }
        }
        List<SlowStatement> slow = session.drill().database().inspector().slowStatements(threshold);
        session.evidence(Json.createObjectBuilder().add("kind", "db-slowlog").add("thresholdMs", threshold)
                .add("statements", slow.size()));
        if (slow.isEmpty()) {
            return Result.ok(String.format(Locale.ROOT,
                    "No statement has taken over %s on the database server (its own statistics, since the data was "
                            + "loaded).", Format.ms(threshold)));
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Statements that took over %s on the database server (its own statistics, since the data was "
                        + "loaded):%n%7s %10s %10s %9s  %s%n", Format.ms(threshold), "RUNS", "MAX ms", "AVG ms",
                "TOTAL s", "STATEMENT"));
        for (SlowStatement s : slow) {
            text.append(String.format(Locale.ROOT, "%7d %10.1f %10.1f %9.1f  %s%n", s.executions(), s.maxMs(),
                    s.averageMs(), s.totalMs() / 1000, sql(s.sql())));
        }
        return Result.ok(text.toString().strip());
    }

    private Result locks(DrillSession session) throws Exception {
        Drill drill = session.drill();
        Locks locks = drill.database().inspector().locks();
        StringBuilder text = new StringBuilder();
        if (locks.locks().isEmpty()) {
            text.append("No table locks held.\n");
        } else {
            text.append(String.format(Locale.ROOT, "Table locks held:%n%9s  %-15s %-18s %s%n", "SESSION", "USER",
                    "TABLE", "LOCK"));
            for (TableLock lock : locks.locks()) {
                text.append(String.format(Locale.ROOT, "%9d  %-15s %-18s %s%n", lock.sessionId(), lock.user(),
                        lock.table(), lock.type()));
            }
        }
        if (!locks.holders().isEmpty()) {
            text.append(String.format(Locale.ROOT,
                    "%nOpen transactions (uncommitted changes hold their rows locked until commit or rollback):%n"
                            + "%9s  %-15s %-9s %-22s %s%n", "SESSION", "USER", "STATE", "IDLE", "CLIENT"));
            for (SessionInfo s : locks.holders()) {
                text.append(String.format(Locale.ROOT, "%9d  %-15s %-9s %-22s %s%n", s.id(), s.user(), s.state(),
                        s.statement() == null ? idle(s.idle(), drill) : "running " + duration(s.running()),
                        s.client() == null ? "in-process" : s.client()));
            }
        }
        if (locks.waiting().isEmpty()) {
            text.append("\nNo session is waiting for a lock.");
        } else {
            text.append(String.format(Locale.ROOT, "%nSessions waiting for a lock:%n%9s  %-15s %9s %11s  %s%n",
                    "SESSION", "USER", "WAITING", "BLOCKED BY", "STATEMENT"));
            for (SessionInfo s : locks.waiting()) {
                text.append(String.format(Locale.ROOT, "%9d  %-15s %9s %11d  %s%n", s.id(), s.user(),
                        duration(s.running()), s.blockerId(), sql(s.statement())));
            }
        }
        session.evidence(Json.createObjectBuilder().add("kind", "db-locks")
                .add("locks", locks.locks().size()).add("waiting", locks.waiting().size()));
        return Result.ok(text.toString().strip());
    }

    // A real duration, and when that was on the incident clock, so a stuck transaction can be dated in the story.
    private static String idle(Duration idle, Drill drill) {
        double incidentSeconds = drill.clock().elapsedSeconds() - idle.toMillis() / 1000.0 * drill.clock().speed();
        return duration(idle) + " (since " + drill.clock().clockTextSeconds(
                Duration.ofMillis((long) (Math.max(0, incidentSeconds) * 1000))) + ")";
    }

    private static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }

    // Long statements keep what tells them apart: the tables, joins and conditions, not the column list.
    private static String sql(String statement) {
        String flat = statement.replaceAll("\\s+", " ").strip();
        int from = flat.indexOf(" FROM ");
        if (flat.length() > SQL_WIDTH && flat.startsWith("SELECT ") && from > 0) {
            flat = "SELECT ..." + flat.substring(from);
        }
        return flat.length() <= SQL_WIDTH ? flat : flat.substring(0, SQL_WIDTH - 3) + "...";
    }
}
