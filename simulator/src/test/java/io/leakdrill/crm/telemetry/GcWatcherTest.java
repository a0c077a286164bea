package io.leakdrill.crm.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.junit.jupiter.api.Test;

class GcWatcherTest {

    /**
     * The self-test judges a fix by the live set each histogram's full GC leaves, and a sample reads the collection
     * count and that live set together. GC notifications reach listeners later, on the JVM's service thread: a
     * reading taken from them once paired a histogram's count with the live set of the full GC before it.
     */
    @Test
    void theLiveSetAfterAFullGcIsCurrentBeforeTheCollectionsNotificationArrives() throws Exception {
        com.sun.management.GarbageCollectorMXBean full = ManagementFactory
                .getPlatformMXBeans(com.sun.management.GarbageCollectorMXBean.class).stream()
                .filter(gc -> !MemoryAreas.isYoung(gc)).findFirst().orElseThrow();
        NotificationEmitter notifications = (NotificationEmitter) full;
        // Listeners run one after another on the service thread: one that waits, registered before the watcher,
        // holds back the watcher's own.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        NotificationListener holdBack = (notification, handback) -> {
            try {
                if (holding.getCount() == 0) {
                    release.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        notifications.addNotificationListener(holdBack, null, null);
        GcWatcher watcher = new GcWatcher(60_000);
        CountDownLatch delivered = new CountDownLatch(1);
        NotificationListener afterWatcher = (notification, handback) -> delivered.countDown();
        notifications.addNotificationListener(afterWatcher, null, null);
        try {
            System.gc();
            assertTrue(delivered.await(30, TimeUnit.SECONDS), "the first full GC's notification is delivered");
            long before = liveSet(full, watcher);

            holding.countDown();
            long[] retained = new long[1024 * 1024];
            long counted = full.getCollectionCount();
            System.gc();
            assertTrue(full.getCollectionCount() > counted, "System.gc() runs a full collection");
            long now = liveSet(full, watcher);
            assertNotEquals(before, now, "8 MB more live after the second full GC");
            assertEquals(now, watcher.oldAfterLastFullGc());
            assertEquals(1024 * 1024, retained.length);
        } finally {
            release.countDown();
            notifications.removeNotificationListener(holdBack);
            notifications.removeNotificationListener(afterWatcher);
        }
    }

    private static long liveSet(com.sun.management.GarbageCollectorMXBean full, GcWatcher watcher) {
        return full.getLastGcInfo().getMemoryUsageAfterGc().get(watcher.oldPool().getName()).getUsed();
    }
}
