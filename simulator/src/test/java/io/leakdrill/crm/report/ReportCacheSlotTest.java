package io.leakdrill.crm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReportCacheSlotTest {

    /**
     * The fix is judged by a heap that stays flat after it: a fixed cache that started empty would fill for a time
     * to live and read as growth, so it takes over what the original still served fresh, and only that.
     */
    @Test
    void deployingTheFixKeepsTheFreshReportsAndLetsGoOfTheRest() {
        AtomicLong now = new AtomicLong(1_000_000);
        ReportCacheSlot slot = new ReportCacheSlot("original", 200, 5_000, now::get);
        AtomicInteger renders = new AtomicInteger();
        slot.cache().get("ana/2024-01-01/", () -> "stale " + renders.incrementAndGet());
        now.addAndGet(4_000);
        slot.cache().get("ben/2024-01-01/", () -> "fresh " + renders.incrementAndGet());
        now.addAndGet(2_000);
        slot.cache().get("region/Tulsa", () -> "fresh " + renders.incrementAndGet());

        slot.deploy("expiring");

        assertEquals("ExpiringReportCache", slot.implementation());
        assertEquals(2, slot.cache().size(), "the two reports rendered within the last 5 s");
        assertEquals("fresh 2", slot.cache().get("ben/2024-01-01/", () -> "rendered again"));
        assertEquals("rendered again", slot.cache().get("ana/2024-01-01/", () -> "rendered again"));
        // Each kept report still expires 5 s after it was rendered, not after the deploy.
        now.addAndGet(3_500);
        assertEquals("rendered later", slot.cache().get("ben/2024-01-01/", () -> "rendered later"));
        assertEquals("fresh 3", slot.cache().get("region/Tulsa", () -> "rendered later"));
        assertEquals(3, renders.get());
    }
}
