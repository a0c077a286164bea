package io.leakdrill.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.drill.IncidentClock;
import io.leakdrill.world.monitor.JvmGauges;
import io.leakdrill.world.monitor.Sample;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `gc` table and its trend line, from hand-made samples: what a trainee reads, figure by figure. */
class GcTableTest {

    private static final long MB = 1024 * 1024;
    private static final long OLD_MAX = 50 * MB;

    private final GcTable table = new GcTable(new IncidentClock(Clock.systemUTC(),
            OffsetDateTime.parse("2021-08-12T15:45:00-05:00"), 6));

    @Test
    void oneRowPerSampleWithJstatStyleColumnsAndTheTrend() {
        List<Sample> window = List.of(
                up(15, 20 * MB, 10, 300, 1, 100, 0.010),
                up(30, 21 * MB, 12, 345, 1, 100, 0.020),
                up(45, 22 * MB, 15, 400, 1, 100, 0.050),
                up(60, 23 * MB, 19, 480, 2, 350, 0.075));
        String text = render(window);
        List<String> lines = text.lines().toList();
        assertEquals("TIME       EDEN    OLD  FLOOR     METASPACE    YGC     YGCT   FGC     FGCT    GC%", lines.get(1));
        // eden 3 of 12 MB, old 30 of 50 MB, floor 21 of 50 MB, metaspace 24 of 96 MB
        assertEquals("15:45:30  25.0%  60.0%  42.0%  24.0 MB  25%     12    0.345     1    0.100   2.0%", lines.get(3));
        assertEquals(7, lines.size(), "legend, header, four rows and the trend:\n" + text);
        // The floor rises 1 MB every 15 incident seconds: 4 MB a minute; GC's share went from 1% to 7.5%.
        assertEquals("Trend 15:45:15-15:46:00: floor +4.0 MB per incident minute; GC time 7.5% now vs 1.0% at start",
                lines.get(6));
    }

    @Test
    void aCrmDownRowSaysSoAndTheTrendUsesTheOthers() {
        List<Sample> window = List.of(
                up(15, 30 * MB, 10, 300, 1, 100, 0.010),
                down(30),
                up(45, 30 * MB, 15, 400, 1, 100, 0.200));
        String text = render(window);
        assertTrue(text.contains("\n15:45:30 CRM down: it did not answer the monitor\n"), text);
        assertTrue(text.endsWith("Trend 15:45:15-15:45:45: floor +0.0 MB per incident minute; GC time 20.0% now vs"
                + " 1.0% at start"), "a missed scrape is not a new process, and a flat floor is +0.0:\n" + text);
    }

    @Test
    void aNewCrmProcessStartsTheTrendAgain() {
        List<Sample> window = List.of(
                up(15, 45 * MB, 900, 9000, 5, 2000, 0.300),
                up(30, 46 * MB, 950, 9500, 6, 2400, 0.400),
                up(45, 10 * MB, 3, 20, 1, 15, 0.000),
                up(60, 10 * MB + MB / 2, 6, 40, 1, 15, 0.010));
        String text = render(window);
        assertTrue(text.contains("A new CRM process from 15:45:45 on (its GC counters began again)"), text);
        // Across the restart the floor fell 35 MB; within the new process it rose 0.5 MB in 15 s.
        assertTrue(text.endsWith("Trend 15:45:45-15:46:00: floor +2.0 MB per incident minute; GC time 1.0% now vs"
                + " 0.0% at start"), text);
        GcTrend trend = GcTrend.of(window).orElseThrow();
        assertTrue(trend.restarted());
        assertEquals(2, trend.samples());
    }

    @Test
    void aFallingFloorReadsAsNegative() {
        String text = render(List.of(up(15, 30 * MB, 1, 1, 1, 1, 0), up(75, 27 * MB, 2, 2, 2, 2, 0)));
        assertTrue(text.endsWith("floor -3.0 MB per incident minute; GC time 0.0% now vs 0.0% at start"), text);
    }

    @Test
    void withNoAnsweredSampleThereIsNoTrend() {
        List<Sample> window = List.of(down(15), down(30));
        assertTrue(GcTrend.of(window).isEmpty());
        String text = render(window);
        assertEquals(2, text.lines().filter(l -> l.contains("CRM down")).count(), text);
        assertTrue(text.endsWith("No GC figures: the CRM did not answer the monitor in these samples."), text);
    }

    @Test
    void metaspaceWithoutALimitHasNoPercentage() {
        Sample noLimit = new Sample(15, true, 0, 0, 0, OLD_MAX, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new JvmGauges(0, 0, 9 * MB, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        String text = render(List.of(noLimit));
        assertTrue(text.endsWith("No trend yet: one sample from this CRM process so far."), text);
        String row = text.lines().toList().get(2);
        assertTrue(row.contains("   9.0 MB      "), row);
        assertFalse(row.contains("%     0"), "no share of an unlimited metaspace:\n" + row);
        assertTrue(row.startsWith("15:45:15      -"), "no eden committed reads as -, not a division by zero:\n" + row);
    }

    @Test
    void theWidestFiguresStayWithinOneHundredColumns() {
        Sample full = new Sample(3600, true, 0, 0, 2048 * MB, 2048 * MB, 2048 * MB, 0, 0, 1.0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, new JvmGauges(999 * MB, 999 * MB, 1023 * MB, 1024 * MB, 0, 0, 0, 0, 999_999, 99_999_999,
                        99_999, 99_999_999, 0));
        Sample empty = new Sample(60, true, 0, 0, 0, 2048 * MB, 0, 0, 0, 1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new JvmGauges(0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        String text = render(List.of(empty, down(1800), full));
        // 2048 MB in 59 incident minutes
        text.lines().forEach(l -> assertTrue(l.length() <= 100, l.length() + " columns: " + l));
        assertTrue(text.contains("floor +34.7 MB per incident minute; GC time 100.0% now vs 100.0% at start"), text);
    }

    private String render(List<Sample> window) {
        return table.render(window, GcTrend.of(window));
    }

    /** A sample with eden 3 of 12 MB, old 30 of 50 MB and metaspace 24 of a 96 MB limit. */
    private static Sample up(double at, long floor, long young, long youngMs, long full, long fullMs, double share) {
        return new Sample(at, true, 40 * MB, 64 * MB, 30 * MB, OLD_MAX, floor, young + full, youngMs + fullMs, share,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new JvmGauges(3 * MB, 12 * MB, 24 * MB, 96 * MB, 0, 0, 0, 0, young, youngMs, full, fullMs, 0));
    }

    private static Sample down(double at) {
        return new Sample(at, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, JvmGauges.NONE);
    }
}
