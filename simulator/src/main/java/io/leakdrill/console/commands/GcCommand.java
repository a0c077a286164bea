package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.world.monitor.Sample;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The GC trend over the last samples, like watching {@code jstat -gcutil}: is the floor rising? */
public final class GcCommand implements Command {

    private static final int ROWS = 12;

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public String summary() {
        return "GC trend: old gen after GC, GC count and time share over recent samples";
    }

    @Override
    public String usage() {
        return "gc";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        List<Sample> recent = session.drill().samples().last(120).stream().filter(Sample::crmUp).toList();
        if (recent.isEmpty()) {
            return Result.error("no GC samples yet (the CRM has not answered the monitor)");
        }
        int step = Math.max(1, recent.size() / ROWS);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-8s %10s %10s %8s %8s %8s%n", "TIME",
                "HEAP USED", "OLD AFTER", "OLD %", "GCs", "GC TIME"));
        for (int i = (recent.size() - 1) % step; i < recent.size(); i += step) {
            Sample s = recent.get(i);
            text.append(String.format(Locale.ROOT, "%-8s %10s %10s %8s %8d %8s%n",
                    session.drill().clock().clockTextSeconds(Duration.ofMillis((long) (s.atSeconds() * 1000))),
                    Format.mb(s.heapUsed()), Format.mb(s.oldAfterGc()), Format.pct(s.oldAfterGcRatio()),
                    s.gcCount(), Format.pct(s.gcTimeShare())));
        }
        Sample first = recent.get(0);
        Sample last = recent.get(recent.size() - 1);
        double minutes = Math.max(1e-9, (last.atSeconds() - first.atSeconds()) / 60);
        double slope = (last.oldAfterGc() - first.oldAfterGc()) / minutes;
        text.append(String.format(Locale.ROOT, "Old gen after GC changed by %s per incident minute over %.0f min.",
                (slope >= 0 ? "+" : "-") + Format.mb((long) Math.abs(slope)), minutes));
        session.record("evidence", Json.createObjectBuilder().add("kind", "gc").add("samples", recent.size())
                .add("oldAfterGcRatio", Math.round(last.oldAfterGcRatio() * 1000) / 1000.0)
                .add("slopeBytesPerMinute", Math.round(slope)));
        return Result.ok(text.toString());
    }
}
