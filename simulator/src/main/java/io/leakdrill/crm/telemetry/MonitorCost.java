package io.leakdrill.crm.telemetry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time the CRM spends answering its monitor, so the drill can show that watching the patient does not make
 * it sicker. Counts the handler thread's CPU time; the HTTP server's own accept and parse work is not included.
 */
public final class MonitorCost {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong nanos = new AtomicLong();

    /** Runs one monitor request and adds its CPU time. */
    public <E extends Exception> void measure(Work<E> work) throws E {
        long start = threads.getCurrentThreadCpuTime();
        try {
            work.run();
        } finally {
            nanos.addAndGet(threads.getCurrentThreadCpuTime() - start);
        }
    }

    public long totalNanos() {
        return nanos.get();
    }

    /** A piece of monitor work that may throw. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }
}
