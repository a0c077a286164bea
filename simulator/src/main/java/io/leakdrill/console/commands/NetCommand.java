package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.drill.Drill;
import io.leakdrill.drill.IncidentClock;
import io.leakdrill.world.edge.EdgeCounts;
import io.leakdrill.world.edge.EdgeProxy;
import io.leakdrill.world.edge.EdgeStats;
import io.leakdrill.world.edge.PingTargets;
import io.leakdrill.world.edge.TcpPing;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/** The network as operations sees it: what the edge in front of the CRM did, and TCP connect times to each host. */
public final class NetCommand implements Command {

    private static final Duration RECENT = Duration.ofMinutes(5);
    private static final int PING_ATTEMPTS = 5;
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

    @Override
    public String name() {
        return "net";
    }

    @Override
    public String summary() {
        return "`net stats`: what the edge proxy did (resets, drops, delays, refusals); `net ping`: TCP connect times";
    }

    @Override
    public String usage() {
        return "net stats | net ping";
    }

    @Override
    public Purpose purpose() {
        return Purpose.WORLD;
    }

    @Override
    public String example() {
        return "net stats";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? List.of("stats", "ping") : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("net needs a sub-command");
        }
        return switch (args.get(0)) {
            case "stats" -> stats(session);
            case "ping" -> ping(session);
            default -> throw new UsageException("unknown sub-command '" + args.get(0) + "'");
        };
    }

    private Result stats(DrillSession session) {
        Drill drill = session.drill();
        EdgeStats stats = drill.edge().stats();
        Duration window = recentWindow(stats, drill.clock());
        EdgeCounts recent = stats.within(drill.clock().realFor(window));
        session.evidence(Json.createObjectBuilder().add("kind", "net-stats")
                .add("windowMinutes", window.toMinutes())
                .add("resets", stats.total().resets()).add("recentResets", recent.resets())
                .add("drops", stats.total().drops()).add("recentDrops", recent.drops())
                .add("refused", stats.total().refused()).add("recentRefused", recent.refused())
                .add("delayed", stats.total().delayedRequests()).add("recentDelayed", recent.delayedRequests()));
        return Result.ok(statsText(stats, drill.clock(), drill.edge().port(), drill.crm().port()));
    }

    /** The recent window in incident time, shortened to what the edge's history reaches at this speed. */
    private static Duration recentWindow(EdgeStats stats, IncidentClock clock) {
        Duration reach = Duration.ofMillis((long) (EdgeProxy.HISTORY.toMillis() * clock.speed()));
        return RECENT.compareTo(reach) <= 0 ? RECENT : Duration.ofMinutes(Math.max(1, reach.toMinutes()));
    }

    static String statsText(EdgeStats stats, IncidentClock clock, int edgePort, int crmPort) {
        Duration window = recentWindow(stats, clock);
        EdgeCounts total = stats.total();
        EdgeCounts recent = stats.within(clock.realFor(window));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Edge 127.0.0.1:%d -> CRM %s; %d connections open%n", edgePort,
                crmPort > 0 ? "127.0.0.1:" + crmPort : "DOWN", stats.activeConnections()));
        String recentHeader = "LAST " + window.toMinutes() + " MIN";
        text.append(String.format(Locale.ROOT, "%-26s %10s %12s  %s%n", "", "TOTAL", recentHeader, "LAST SEEN"));
        countRow(text, "connections accepted", total, recent, EdgeCounts::accepted, stats, clock, false);
        countRow(text, "refused (no CRM to reach)", total, recent, EdgeCounts::refused, stats, clock, true);
        countRow(text, "resets (TCP RST)", total, recent, EdgeCounts::resets, stats, clock, true);
        countRow(text, "dropped requests", total, recent, EdgeCounts::drops, stats, clock, true);
        countRow(text, "delayed requests", total, recent, EdgeCounts::delayedRequests, stats, clock, true);
        text.append(String.format(Locale.ROOT, "%-26s %10s %12s%n", "  delay added, average",
                average(total), average(recent)));
        text.append(String.format(Locale.ROOT, "%-26s %10s %12s%n", "time throttled (bandwidth)",
                Format.ms(total.throttledNanos() / 1e6), Format.ms(recent.throttledNanos() / 1e6)));
        text.append(String.format(Locale.ROOT, "%-26s %10s %12s%n", "bytes users -> CRM",
                bytes(total.bytesToUpstream()), bytes(recent.bytesToUpstream())));
        text.append(String.format(Locale.ROOT, "%-26s %10s %12s", "bytes CRM -> users",
                bytes(total.bytesToClients()), bytes(recent.bytesToClients())));
        return text.toString();
    }

    private static void countRow(StringBuilder text, String label, EdgeCounts total, EdgeCounts recent,
            ToLongFunction<EdgeCounts> counter, EdgeStats stats, IncidentClock clock, boolean lastSeen) {
        text.append(String.format(Locale.ROOT, "%-26s %10d %12d  %s", label, counter.applyAsLong(total),
                counter.applyAsLong(recent), lastSeen ? lastSeen(stats, counter, clock) : "").stripTrailing())
                .append('\n');
    }

    private static String lastSeen(EdgeStats stats, ToLongFunction<EdgeCounts> counter, IncidentClock clock) {
        if (counter.applyAsLong(stats.total()) == 0) {
            return "never";
        }
        OptionalLong last = stats.lastMillis(counter);
        if (last.isPresent()) {
            return incidentTime(clock, stats.atMillis() - last.getAsLong());
        }
        return "before " + incidentTime(clock, stats.historySpan().toMillis());
    }

    /** The incident clock reading {@code realAgoMillis} of real time before now. */
    private static String incidentTime(IncidentClock clock, long realAgoMillis) {
        Duration ago = Duration.ofMillis((long) (realAgoMillis * clock.speed()));
        return clock.clockTextSeconds(clock.elapsed().minus(ago));
    }

    /** Requests are small: below a megabyte, kilobytes say more than "0.0 MB". */
    private static String bytes(long n) {
        return n < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0) : Format.mb(n);
    }

    private static String average(EdgeCounts counts) {
        return counts.delayedRequests() == 0 ? "-"
                : Format.ms(counts.addedDelayNanos() / 1e6 / counts.delayedRequests());
    }

    private Result ping(DrillSession session) {
        List<TcpPing.Result> results = new ArrayList<>();
        for (PingTargets.Target target : session.drill().pingTargets().all()) {
            results.add(TcpPing.ping(target, PING_ATTEMPTS, PING_TIMEOUT));
        }
        JsonArrayBuilder json = Json.createArrayBuilder();
        for (TcpPing.Result r : results) {
            var row = Json.createObjectBuilder().add("target", r.name()).add("connected", r.connected())
                    .add("attempts", r.attempts());
            if (r.connected() > 0) {
                row.add("avgMicros", Math.round(r.stats().getAverage() / 1000));
            }
            json.add(row);
        }
        session.evidence(Json.createObjectBuilder().add("kind", "net-ping").add("targets", json));
        return Result.ok(pingText(results));
    }

    static String pingText(List<TcpPing.Result> results) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "TCP connect time, %d attempts each (the handshake only, not how long the server takes to answer)%n",
                PING_ATTEMPTS));
        text.append(String.format(Locale.ROOT, "%-10s %-22s %5s %10s %10s %10s%n", "TARGET", "ADDRESS", "OK", "MIN",
                "AVG", "MAX"));
        for (TcpPing.Result r : results) {
            if (r.down()) {
                text.append(String.format(Locale.ROOT, "%-10s %-22s %s%n", r.name(), "-", "down (no port open)"));
                continue;
            }
            String address = r.host() + ":" + r.port();
            if (r.connected() == 0) {
                text.append(String.format(Locale.ROOT, "%-10s %-22s %5s  %s%n", r.name(), address,
                        "0/" + r.attempts(), r.failure()));
                continue;
            }
            var s = r.stats();
            text.append(String.format(Locale.ROOT, "%-10s %-22s %5s %10s %10s %10s%n", r.name(), address,
                    r.connected() + "/" + r.attempts(), fineMs(s.getMin()), fineMs(s.getAverage()),
                    fineMs(s.getMax())));
        }
        return text.toString().stripTrailing();
    }

    /** Connect times on loopback are tenths of a millisecond; whole milliseconds would show them all as 0. */
    private static String fineMs(double nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
