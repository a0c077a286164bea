package io.leakdrill.console;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A series over a time window drawn as one bar per equal slice, scaled from the series' own lowest to highest value:
 * the shape of a trend at a glance. Slices with no reading stay blank, so a gap (the CRM down) shows as one.
 */
public final class Sparkline {

    private Sparkline() {
    }

    /**
     * A bar a minute of incident time over [from, to], then the first and latest readings, e.g.
     * {@code ▁▂▅▇  73.8% → 88.1%}: the shape says "rising", the numbers say how much.
     */
    public static <T> String perMinuteWithRange(List<T> readings, ToDoubleFunction<T> time,
            ToDoubleFunction<T> value, double from, double to, Style style, DoubleFunction<String> format) {
        if (readings.isEmpty()) {
            return "no readings";
        }
        int columns = Math.max(2, (int) Math.ceil((to - from) / 60));
        return draw(readings, time, value, from, to, columns, style) + "  "
                + format.apply(value.applyAsDouble(readings.get(0))) + " " + style.arrow() + " "
                + format.apply(value.applyAsDouble(readings.get(readings.size() - 1)));
    }

    /** Draws {@code value} of the readings whose {@code time} (seconds) is in [from, to], in {@code columns} bars. */
    public static <T> String draw(List<T> readings, ToDoubleFunction<T> time, ToDoubleFunction<T> value,
            double from, double to, int columns, Style style) {
        double[] sum = new double[columns];
        int[] count = new int[columns];
        double span = Math.max(1e-9, to - from);
        for (T reading : readings) {
            double at = time.applyAsDouble(reading);
            if (at < from || at > to) {
                continue;
            }
            int column = Math.min(columns - 1, (int) ((at - from) / span * columns));
            sum[column] += value.applyAsDouble(reading);
            count[column]++;
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < columns; i++) {
            if (count[i] > 0) {
                lo = Math.min(lo, sum[i] / count[i]);
                hi = Math.max(hi, sum[i] / count[i]);
            }
        }
        StringBuilder line = new StringBuilder(columns);
        for (int i = 0; i < columns; i++) {
            if (count[i] == 0) {
                line.append(' ');
            } else {
                // A flat series sits on the baseline rather than pretending to a shape it does not have.
                boolean flat = hi - lo < 1e-9 * Math.max(1, Math.abs(hi));
                line.append(style.bar(flat ? 0 : (sum[i] / count[i] - lo) / (hi - lo)));
            }
        }
        return line.toString();
    }
}
