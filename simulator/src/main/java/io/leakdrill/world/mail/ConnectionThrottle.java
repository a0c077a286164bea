package io.leakdrill.world.mail;

/**
 * A relay's per-connection rate limit as a token bucket: one message per slot on average, with a few messages of
 * burst, so a client that fell behind for a moment (a pause of its own) may catch up but never beat the rate.
 */
final class ConnectionThrottle {

    static final int BURST = 8;

    private final long slotNanos;
    private long next;

    ConnectionThrottle(long slotNanos, long nowNanos) {
        this.slotNanos = slotNanos;
        this.next = nowNanos;
    }

    /** Reserves the next message's slot; returns the time (System.nanoTime) it may be accepted. */
    long admit(long nowNanos) {
        // Unused slots older than the burst are gone; a connection that stayed quiet gets only BURST at once.
        long earliest = nowNanos - (BURST - 1) * slotNanos;
        long at = Math.max(next, earliest);
        next = at + slotNanos;
        return at;
    }
}
