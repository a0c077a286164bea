package io.leakdrill.crm.telemetry;

import java.util.Arrays;

/** Server-side request latencies over a sliding window of recent requests, for percentiles. */
public final class LatencyWindow {

    private final long windowMillis;
    private final long[] atMillis;
    private final long[] micros;
    private int next;
    private int size;

    public LatencyWindow(int capacity, long windowMillis) {
        this.windowMillis = windowMillis;
        this.atMillis = new long[capacity];
        this.micros = new long[capacity];
    }

    public synchronized void record(long nowMillis, long latencyMicros) {
        atMillis[next] = nowMillis;
        micros[next] = latencyMicros;
        next = (next + 1) % atMillis.length;
        size = Math.min(size + 1, atMillis.length);
    }

    /** Percentiles in milliseconds of the requests that finished inside the window; zeros when there were none. */
    public synchronized double[] percentilesMillis(long nowMillis, double... quantiles) {
        long[] recent = new long[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (nowMillis - atMillis[i] <= windowMillis) {
                recent[count++] = micros[i];
            }
        }
        double[] result = new double[quantiles.length];
        if (count == 0) {
            return result;
        }
        Arrays.sort(recent, 0, count);
        for (int q = 0; q < quantiles.length; q++) {
            int index = (int) Math.min(count - 1, Math.ceil(quantiles[q] * count) - 1);
            result[q] = recent[Math.max(0, index)] / 1000.0;
        }
        return result;
    }
}
