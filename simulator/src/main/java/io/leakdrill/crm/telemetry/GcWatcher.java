package io.leakdrill.crm.telemetry;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Listens to the JVM's own GC notifications and remembers how full the old generation was after the last
 * collection of any kind and after the last full one: the heap floor a leak pushes up.
 */
public final class GcWatcher {

    private final MemoryPoolMXBean oldPool;
    private volatile long oldAfterLastGc = -1;
    private volatile long oldAfterLastFullGc = -1;
    private volatile long lastGcEndMillis;

    public GcWatcher() {
        this.oldPool = findOldPool();
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
        if (after == null) {
            return;
        }
        oldAfterLastGc = after.getUsed();
        if (info.getGcAction().contains("major")) {
            oldAfterLastFullGc = after.getUsed();
        }
        lastGcEndMillis = System.currentTimeMillis();
    }

    public MemoryPoolMXBean oldPool() {
        return oldPool;
    }

    /** Old generation used after the most recent collection, or its current use if none has run yet. */
    public long oldAfterLastGc() {
        long value = oldAfterLastGc;
        return value >= 0 ? value : oldPool.getUsage().getUsed();
    }

    public long oldAfterLastFullGc() {
        long value = oldAfterLastFullGc;
        return value >= 0 ? value : oldAfterLastGc();
    }

    public long lastGcEndMillis() {
        return lastGcEndMillis;
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
