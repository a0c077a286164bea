package io.leakdrill.console.commands;

import java.util.Locale;

/** Number formats the console's tables share: sizes in MB, ratios as percentages, latencies in ms. */
final class Format {

    private Format() {
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** Microseconds the CRM measured, as milliseconds with one decimal: most diagnostics cost under a few ms. */
    static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
