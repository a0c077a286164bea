package io.leakdrill.crm.telemetry;

import java.util.concurrent.atomic.LongAdder;

/** Counts the CRM's API requests and errors and keeps their latencies for percentiles. */
public final class RequestStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LatencyWindow latencies = new LatencyWindow(8192, 10_000);

    public void record(long latencyMicros, boolean error) {
        requests.increment();
        if (error) {
            errors.increment();
        }
        latencies.record(System.currentTimeMillis(), latencyMicros);
    }

    public long requests() {
        return requests.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public double[] percentilesMillis(double... quantiles) {
        return latencies.percentilesMillis(System.currentTimeMillis(), quantiles);
    }
}
