package io.leakdrill.world.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The edge's history tells "14 resets in total" apart from "any resets lately". */
class EdgeStatsTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_500L);
    private final EdgeCounters counters = new EdgeCounters(now::get);

    @Test
    void oldEventsStayInTheTotalsButLeaveTheRecentWindow() {
        long firstSecond = now.get() / 1000 * 1000;
        for (int i = 0; i < 14; i++) {
            counters.add(EdgeCounter.RESETS, 1);
        }
        now.addAndGet(Duration.ofMinutes(6).toMillis());
        counters.add(EdgeCounter.ACCEPTED, 1);

        EdgeStats stats = counters.snapshot(3);
        assertEquals(14, stats.total().resets());
        assertEquals(0, stats.within(Duration.ofMinutes(5)).resets());
        assertEquals(1, stats.within(Duration.ofMinutes(5)).accepted());
        assertEquals(14, stats.within(Duration.ofMinutes(7)).resets());
        assertEquals(OptionalLong.of(firstSecond), stats.lastMillis(EdgeCounts::resets));
        assertEquals(3, stats.activeConnections());

        now.addAndGet(EdgeProxy.HISTORY.toMillis());
        EdgeStats later = counters.snapshot(0);
        assertEquals(14, later.total().resets());
        assertEquals(OptionalLong.empty(), later.lastMillis(EdgeCounts::resets), "beyond the history");
        assertEquals(0, later.within(EdgeProxy.HISTORY).accepted());
    }
}
