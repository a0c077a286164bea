package io.leakdrill.world.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The edge's running tally: totals, and a ring of per-second buckets over the last {@link EdgeProxy#HISTORY} of
 * real time. One lock suffices: a few hundred updates a second, each a handful of additions.
 */
final class EdgeCounters {

    static final int SECONDS = (int) EdgeProxy.HISTORY.toSeconds();

    private static final int N = EdgeCounter.values().length;

    private final LongSupplier realMillis;
    private final long[] totals = new long[N];
    private final long[][] buckets = new long[SECONDS][N];
    private final long[] bucketSecond = new long[SECONDS];

    EdgeCounters(LongSupplier realMillis) {
        this.realMillis = realMillis;
        java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    void add(EdgeCounter counter, long amount) {
        long second = Math.floorDiv(realMillis.getAsLong(), 1000);
        int slot = (int) Math.floorMod(second, SECONDS);
        synchronized (this) {
            if (bucketSecond[slot] != second) {
                java.util.Arrays.fill(buckets[slot], 0);
                bucketSecond[slot] = second;
            }
            buckets[slot][counter.ordinal()] += amount;
            totals[counter.ordinal()] += amount;
        }
    }

    EdgeStats snapshot(int activeConnections) {
        long now = realMillis.getAsLong();
        long second = Math.floorDiv(now, 1000);
        List<EdgeStats.Second> history = new ArrayList<>();
        synchronized (this) {
            for (long s = second - SECONDS + 1; s <= second; s++) {
                int slot = (int) Math.floorMod(s, SECONDS);
                if (bucketSecond[slot] == s) {
                    history.add(new EdgeStats.Second(s, EdgeCounts.of(buckets[slot])));
                }
            }
            return new EdgeStats(now, activeConnections, EdgeCounts.of(totals), history);
        }
    }
}
