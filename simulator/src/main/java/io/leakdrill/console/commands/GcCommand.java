package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.world.monitor.Sample;
import jakarta.json.Json;
import java.util.List;
import java.util.Optional;

/** The GC trend over the last monitor samples, like watching {@code jstat -gcutil}: is the floor rising? */
public final class GcCommand implements Command {

    private static final int DEFAULT_SAMPLES = 24;
    // An hour at the default 15 s monitor interval: more rows than that scroll the trend off the screen.
    private static final int MAX_SAMPLES = 240;

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public String summary() {
        return "GC trend over the last N monitor samples (default 24: six incident minutes at the usual interval),"
                + " like jstat -gcutil: is the heap floor rising?";
    }

    @Override
    public String usage() {
        return "gc [N]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SERVER;
    }

    @Override
    public String example() {
        return "gc 20";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.size() > 1) {
            throw new UsageException("unexpected '" + args.get(1) + "'");
        }
        int count = args.isEmpty() ? DEFAULT_SAMPLES : parseCount(args.get(0));
        List<Sample> window = session.drill().samples().last(count);
        if (window.isEmpty()) {
            return Result.error("no samples yet: the monitor has not scraped the CRM");
        }
        Optional<GcTrend> trend = GcTrend.of(window);
        String text = new GcTable(session.drill().clock()).render(window, trend);
        if (trend.isEmpty()) {
            return Result.error(text);
        }
        GcTrend t = trend.get();
        session.evidence(Json.createObjectBuilder().add("kind", "gc").add("samples", window.size())
                .add("crmDown", window.stream().filter(s -> !s.crmUp()).count())
                .add("trendSamples", t.samples())
                .add("trendMinutes", round(t.minutes(), 2))
                .add("restarted", t.restarted())
                .add("oldAfterGcRatio", round(t.last().oldAfterGcRatio(), 3))
                .add("slopeBytesPerMinute", Math.round(t.floorBytesPerMinute()))
                .add("slopeRatioPerMinute", round(t.floorRatioPerMinute(), 4))
                .add("gcTimeShareStart", round(t.first().gcTimeShare(), 4))
                .add("gcTimeShareNow", round(t.last().gcTimeShare(), 4))
                .add("youngGcCount", t.last().jvm().youngCount())
                .add("fullGcCount", t.last().jvm().fullCount()));
        return Result.ok(text);
    }

    private static int parseCount(String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 2 && n <= MAX_SAMPLES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("N is how many samples to show, 2 to " + MAX_SAMPLES + ", not '" + value + "'");
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
