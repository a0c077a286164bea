package io.leakdrill.console.commands;

import io.leakdrill.drill.IncidentClock;
import io.leakdrill.world.monitor.JvmGauges;
import io.leakdrill.world.monitor.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats monitor samples as a {@code jstat -gcutil}-like table, one row per sample, with a footer naming the trend;
 * kept apart from the command so it can be checked on hand-made samples.
 */
final class GcTable {

    private static final String HEADER = "%-8s %6s %6s %6s %13s %6s %8s %5s %8s %6s%n";
    private static final String ROW = "%-8s %6s %6s %6s %13s %6d %8.3f %5d %8.3f %6s%n";

    private static final double MIB = 1024.0 * 1024.0;

    private final IncidentClock clock;

    GcTable(IncidentClock clock) {
        this.clock = clock;
    }

    String render(List<Sample> window, Optional<GcTrend> trend) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Last %d monitor samples. FLOOR: old gen after GC (the heap floor); GC%%: share of time in GC%n",
                window.size()));
        text.append(String.format(Locale.ROOT, HEADER, "TIME", "EDEN", "OLD", "FLOOR", "METASPACE", "YGC", "YGCT",
                "FGC", "FGCT", "GC%"));
        for (Sample s : window) {
            text.append(row(s));
        }
        if (trend.isEmpty()) {
            return text.append("No GC figures: the CRM did not answer the monitor in these samples.").toString();
        }
        GcTrend t = trend.get();
        if (t.restarted()) {
            text.append(String.format(Locale.ROOT,
                    "A new CRM process from %s on (its GC counters began again): the trend starts there.%n",
                    time(t.first())));
        }
        if (t.samples() < 2) {
            return text.append("No trend yet: one sample from this CRM process so far.").toString();
        }
        // Rounded before formatting, and + 0.0 turns -0.0 into 0.0, so a flat floor never reads "-0.0 MB".
        double mbPerMinute = Math.round(t.floorBytesPerMinute() / MIB * 10) / 10.0 + 0.0;
        return text.append(String.format(Locale.ROOT,
                "Trend %s-%s: floor %+.1f MB per incident minute; GC time %s now vs %s at start", time(t.first()),
                time(t.last()), mbPerMinute, Format.pct(t.last().gcTimeShare()), Format.pct(t.first().gcTimeShare())))
                .toString();
    }

    private String row(Sample s) {
        if (!s.crmUp()) {
            return String.format(Locale.ROOT, "%-8s CRM down: it did not answer the monitor%n", time(s));
        }
        JvmGauges jvm = s.jvm();
        return String.format(Locale.ROOT, ROW, time(s),
                jvm.edenCommitted() > 0 ? Format.pct(jvm.edenUsed() / (double) jvm.edenCommitted()) : "-",
                s.oldMax() > 0 ? Format.pct(s.oldUsed() / (double) s.oldMax()) : "-", Format.pct(s.oldAfterGcRatio()),
                metaspace(jvm), jvm.youngCount(), jvm.youngTimeMs() / 1000.0, jvm.fullCount(),
                jvm.fullTimeMs() / 1000.0, Format.pct(s.gcTimeShare()));
    }

    // Metaspace has no limit unless -XX:MaxMetaspaceSize is set; a share of "no limit" would mean nothing.
    private static String metaspace(JvmGauges jvm) {
        String limit = jvm.metaspaceMax() > 0
                ? String.format(Locale.ROOT, "%3.0f%%", jvm.metaspaceRatio() * 100) : "";
        return String.format(Locale.ROOT, "%s %4s", Format.mb(jvm.metaspaceUsed()), limit);
    }

    private String time(Sample s) {
        return clock.clockTextSeconds(Duration.ofMillis(Math.round(s.atSeconds() * 1000)));
    }
}
