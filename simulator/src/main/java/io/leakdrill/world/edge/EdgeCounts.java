package io.leakdrill.world.edge;

import java.time.Duration;

/**
 * What the edge did over some span: connections it accepted and refused (no CRM to forward to), resets and drops it
 * injected, bytes it carried each way, requests it delayed and by how much in all, and time spent throttled.
 */
public record EdgeCounts(long accepted, long refused, long resets, long drops, long bytesToUpstream,
        long bytesToClients, long delayedRequests, long addedDelayNanos, long throttledNanos) {

    public static final EdgeCounts ZERO = new EdgeCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    static EdgeCounts of(long[] v) {
        return new EdgeCounts(v[EdgeCounter.ACCEPTED.ordinal()], v[EdgeCounter.REFUSED.ordinal()],
                v[EdgeCounter.RESETS.ordinal()], v[EdgeCounter.DROPS.ordinal()],
                v[EdgeCounter.BYTES_TO_UPSTREAM.ordinal()], v[EdgeCounter.BYTES_TO_CLIENTS.ordinal()],
                v[EdgeCounter.DELAYED_REQUESTS.ordinal()], v[EdgeCounter.ADDED_DELAY_NANOS.ordinal()],
                v[EdgeCounter.THROTTLED_NANOS.ordinal()]);
    }

    public EdgeCounts plus(EdgeCounts o) {
        return new EdgeCounts(accepted + o.accepted, refused + o.refused, resets + o.resets, drops + o.drops,
                bytesToUpstream + o.bytesToUpstream, bytesToClients + o.bytesToClients,
                delayedRequests + o.delayedRequests, addedDelayNanos + o.addedDelayNanos,
                throttledNanos + o.throttledNanos);
    }

    /** Real time added to requests held back by latency faults, in total. */
    public Duration addedDelay() {
        return Duration.ofNanos(addedDelayNanos);
    }

    /** Real time connections spent waiting on a bandwidth limit, in total. */
    public Duration throttled() {
        return Duration.ofNanos(throttledNanos);
    }
}
