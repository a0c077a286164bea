package io.leakdrill.world.users;

import java.util.Arrays;

/** A ring of the users' recent requests, from which any recent window's statistics are computed. */
public final class TrafficLog {

    private final long[] endMillis;
    private final int[] user;
    private final int[] latencyMs;
    private final byte[] outcome;
    private final boolean[] login;
    private int next;
    private int size;

    public TrafficLog(int capacity) {
        endMillis = new long[capacity];
        user = new int[capacity];
        latencyMs = new int[capacity];
        outcome = new byte[capacity];
        login = new boolean[capacity];
    }

    public synchronized void record(long end, int userIndex, long latency, Outcome result, boolean isLogin) {
        endMillis[next] = end;
        user[next] = userIndex;
        latencyMs[next] = (int) Math.min(Integer.MAX_VALUE, latency);
        outcome[next] = (byte) result.ordinal();
        login[next] = isLogin;
        next = (next + 1) % endMillis.length;
        size = Math.min(size + 1, endMillis.length);
    }

    /** Statistics of the requests that ended in (from, to]; users are counted out of {@code userCount}. */
    public synchronized TrafficStats window(long from, long to, int userCount, long slowMs) {
        int[] latencies = new int[size];
        boolean[] hurt = new boolean[userCount];
        int count = 0;
        int errors = 0;
        int timeouts = 0;
        int logins = 0;
        for (int i = 0; i < size; i++) {
            if (endMillis[i] <= from || endMillis[i] > to) {
                continue;
            }
            latencies[count++] = latencyMs[i];
            Outcome result = Outcome.values()[outcome[i]];
            if (result == Outcome.ERROR) {
                errors++;
            } else if (result == Outcome.TIMEOUT) {
                timeouts++;
            }
            if (login[i]) {
                logins++;
            }
            if (result != Outcome.OK || latencyMs[i] > slowMs) {
                if (user[i] < userCount) {
                    hurt[user[i]] = true;
                }
            }
        }
        int hurtCount = 0;
        for (boolean h : hurt) {
            hurtCount += h ? 1 : 0;
        }
        Arrays.sort(latencies, 0, count);
        return new TrafficStats(count, percentile(latencies, count, 0.5), percentile(latencies, count, 0.95), errors,
                timeouts, logins, userCount == 0 ? 0 : hurtCount / (double) userCount, (to - from) / 1000.0);
    }

    private static double percentile(int[] sorted, int count, double q) {
        if (count == 0) {
            return 0;
        }
        int index = (int) Math.min(count - 1, Math.ceil(q * count) - 1);
        return sorted[Math.max(0, index)];
    }
}
