package io.leakdrill.crm.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Optional;

/**
 * Finds this JVM's memory areas by what they are rather than by collector-specific names (G1, Parallel and Serial
 * call their pools and collectors differently), and the limit on direct buffers.
 */
public final class MemoryAreas {

    private MemoryAreas() {
    }

    /** The memory pool whose name contains {@code part} ("Eden", "Metaspace"). */
    public static Optional<MemoryPoolMXBean> pool(String part) {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().contains(part)).findFirst();
    }

    public static BufferPoolMXBean directBuffers() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
    }

    /** -XX:MaxDirectMemorySize, or the heap's maximum when it is not set (the JVM's own default). */
    public static long maxDirectMemory() {
        long set = Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxDirectMemorySize").getValue());
        return set > 0 ? set : Runtime.getRuntime().maxMemory();
    }

    /** G1 Young Generation, PS Scavenge, Copy: the collectors that only clean the young generation. */
    public static boolean isYoung(GarbageCollectorMXBean collector) {
        String name = collector.getName();
        return name.contains("Young") || name.contains("Scavenge") || name.equals("Copy") || name.contains("ParNew");
    }
}
