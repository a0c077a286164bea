package io.leakdrill.world.crm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The CRM process's total CPU time as the operating system counts it, read from outside at each monitor tick, so
 * `top` can show CPU use per interval even while the CRM is too busy collecting garbage to answer its admin API.
 */
public final class CpuHistory {

    /** One reading: which process, when (monotonic real nanoseconds and incident seconds), its CPU time so far. */
    public record Reading(long pid, long realNanos, double atSeconds, long cpuNanos) {
    }

    private final int capacity;
    private final Deque<Reading> readings = new ArrayDeque<>();

    public CpuHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Reads a process's CPU time now; empty when it is gone or the system does not say. */
    public static Optional<Reading> read(long pid, long realNanos, double atSeconds) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .map(cpu -> new Reading(pid, realNanos, atSeconds, cpu.toNanos()));
    }

    public synchronized void add(Reading reading) {
        if (readings.size() == capacity) {
            readings.removeFirst();
        }
        readings.addLast(reading);
    }

    /** The readings of one process, oldest first: a new process starts its CPU time at zero. */
    public synchronized List<Reading> of(long pid) {
        return readings.stream().filter(r -> r.pid() == pid).toList();
    }

    /** CPU use between two readings of one process, in percent of one core, as `top` shows it. */
    public static double percent(Reading from, Reading to) {
        long real = to.realNanos() - from.realNanos();
        return real <= 0 ? 0 : 100.0 * Math.max(0, to.cpuNanos() - from.cpuNanos()) / real;
    }

    public static Duration between(Reading from, Reading to) {
        return Duration.ofNanos(to.realNanos() - from.realNanos());
    }
}
