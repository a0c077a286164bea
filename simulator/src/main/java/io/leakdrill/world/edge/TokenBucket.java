package io.leakdrill.world.edge;

/**
 * A token bucket that may go into debt: a caller reserves bytes and is told how long to wait before sending them, so
 * callers sharing one bucket get the rate between them. It starts empty, so a limit bites from its first byte.
 */
final class TokenBucket {

    private final double bytesPerNano;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(long bytesPerSecond, long nowNanos) {
        this.bytesPerNano = bytesPerSecond / 1e9;
        // A tenth of a second of burst keeps a slow link smooth without letting a big response slip through at once.
        this.capacity = Math.max(1, bytesPerSecond / 10.0);
        this.lastNanos = nowNanos;
    }

    /** The largest slice worth reserving at once. */
    int sliceBytes() {
        return (int) Math.max(512, Math.min(64 * 1024, capacity));
    }

    /** Takes {@code bytes} from the bucket; returns how many nanoseconds the caller must wait before sending them. */
    synchronized long reserve(int bytes, long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * bytesPerNano);
            lastNanos = nowNanos;
        }
        tokens -= bytes;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / bytesPerNano);
    }
}
