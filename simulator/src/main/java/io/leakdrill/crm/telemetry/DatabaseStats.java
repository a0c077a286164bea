package io.leakdrill.crm.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CRM's own view of its database: how long it waits for a pooled connection, how long each call takes by the
 * CRM's wall clock (a stalled CRM sees slow queries the server never saw), and how many calls fail or time out.
 */
public final class DatabaseStats {

    /** The connection pool's gauges at this moment. */
    public interface Pool {
        int max();

        int active();

        int idle();

        int total();

        int waiting();
    }

    private final LatencyWindow acquire = new LatencyWindow(8192, 10_000);
    private final LatencyWindow calls = new LatencyWindow(8192, 10_000);
    private final LongAdder queries = new LongAdder();
    private final LongAdder slow = new LongAdder();
    private final LongAdder connectionTimeouts = new LongAdder();
    private final LongAdder lockTimeouts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile Pool pool;

    public void watch(Pool connectionPool) {
        this.pool = connectionPool;
    }

    public void acquired(long micros) {
        acquire.record(System.currentTimeMillis(), micros);
    }

    public void called(long micros, boolean wasSlow) {
        queries.increment();
        if (wasSlow) {
            slow.increment();
        }
        calls.record(System.currentTimeMillis(), micros);
    }

    public void connectionTimedOut() {
        connectionTimeouts.increment();
    }

    public void lockTimedOut() {
        lockTimeouts.increment();
    }

    public void failed() {
        errors.increment();
    }

    /** The {@code db} object of the CRM's metrics; latencies over the last ten seconds. */
    public JsonObject json() {
        long now = System.currentTimeMillis();
        double[] wait = acquire.percentilesMillis(now, 0.5, 0.95, 1.0);
        double[] took = calls.percentilesMillis(now, 0.5, 0.95, 0.99, 1.0);
        Pool current = pool;
        return Json.createObjectBuilder()
                .add("pool", current == null ? Json.createObjectBuilder().build() : Json.createObjectBuilder()
                        .add("max", current.max())
                        .add("active", current.active())
                        .add("idle", current.idle())
                        .add("total", current.total())
                        .add("waiting", current.waiting())
                        .build())
                .add("acquireMs", Json.createObjectBuilder().add("p50", wait[0]).add("p95", wait[1])
                        .add("max", wait[2]))
                .add("queryMs", Json.createObjectBuilder().add("p50", took[0]).add("p95", took[1])
                        .add("p99", took[2]).add("max", took[3]))
                .add("queries", queries.sum())
                .add("slowQueries", slow.sum())
                .add("connectionTimeouts", connectionTimeouts.sum())
                .add("lockTimeouts", lockTimeouts.sum())
                .add("errors", errors.sum())
                .build();
    }
}
