package io.leakdrill.crm.telemetry;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Listens to the JVM's own GC notifications and remembers how full the old generation was after the last
 * collection of any kind and after the last full one: the heap floor a leak pushes up.
 */
public final class GcWatcher {

    private final MemoryPoolMXBean oldPool;
    private final List<com.sun.management.GarbageCollectorMXBean> fullCollectors;
    private final long floorWindowMillis;
    private final java.util.ArrayDeque<long[]> recent = new java.util.ArrayDeque<>();
    private volatile long oldAfterLastGc = -1;
    private volatile long floorRestartedAtUptime;

    /**
     * @param floorWindowMillis how far back {@link #floor()} looks for the lowest old-generation reading; young
     *     collections leave promoted garbage in the old generation, so the troughs, not the last value, show the
     *     live floor
     */
    public GcWatcher(long floorWindowMillis) {
        this.floorWindowMillis = floorWindowMillis;
        this.oldPool = findOldPool();
        this.fullCollectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !MemoryAreas.isYoung(gc))
                .filter(com.sun.management.GarbageCollectorMXBean.class::isInstance)
                .map(com.sun.management.GarbageCollectorMXBean.class::cast).toList();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        record(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
    }

    private void record(GarbageCollectionNotificationInfo info) {
        MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(oldPool.getName());
        // Notifications arrive late on their own thread: one from a collection before the last restart of the
        // floor (the warm-up's own measurements) would drag the floor back to a level the heap has left.
        if (after == null || info.getGcInfo().getEndTime() < floorRestartedAtUptime) {
            return;
        }
        oldAfterLastGc = after.getUsed();
        long now = System.currentTimeMillis();
        synchronized (recent) {
            recent.addLast(new long[] {now, after.getUsed()});
            while (recent.size() > 1 && recent.peekFirst()[0] < now - floorWindowMillis) {
                recent.removeFirst();
            }
        }
    }

    public MemoryPoolMXBean oldPool() {
        return oldPool;
    }

    /** Old generation used after the most recent collection, or its current use if none has run yet. */
    public long oldAfterLastGc() {
        long value = oldAfterLastGc;
        return value >= 0 ? value : oldPool.getUsage().getUsed();
    }

    /** Forgets earlier readings (after the warm-up, which is history, not part of the incident). */
    public void restartFloor(long oldUsedNow) {
        floorRestartedAtUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        synchronized (recent) {
            recent.clear();
            recent.addLast(new long[] {System.currentTimeMillis(), oldUsedNow});
        }
    }

    /** The lowest old-generation use after any collection within the floor window: the heap floor. */
    public long floor() {
        long now = System.currentTimeMillis();
        synchronized (recent) {
            return recent.stream().filter(r -> r[0] >= now - floorWindowMillis).mapToLong(r -> r[1]).min()
                    .orElse(oldAfterLastGc());
        }
    }

    /**
     * Old generation used after the last full collection since the floor's restart: the live set. Read from the
     * collector itself, not from a notification, so it always matches the full-collection count read beside it;
     * the notification arrives later, and a sample taken in between once paired a histogram's count with the
     * young collections' reading from before it.
     */
    public long oldAfterLastFullGc() {
        long end = -1;
        long value = -1;
        for (com.sun.management.GarbageCollectorMXBean collector : fullCollectors) {
            GcInfo info = collector.getLastGcInfo();
            MemoryUsage after = info == null ? null : info.getMemoryUsageAfterGc().get(oldPool.getName());
            if (after != null && info.getEndTime() >= floorRestartedAtUptime && info.getEndTime() > end) {
                end = info.getEndTime();
                value = after.getUsed();
            }
        }
        return value >= 0 ? value : oldAfterLastGc();
    }

    private static MemoryPoolMXBean findOldPool() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                return pool;
            }
        }
        throw new IllegalStateException("no old-generation memory pool; run the CRM with a generational collector");
    }
}
