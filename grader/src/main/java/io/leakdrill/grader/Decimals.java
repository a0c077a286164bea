package io.leakdrill.grader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Rounds and formats numbers the same way for text and JSON, so both show identical figures. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal oneDecimal(double value) {
        // Adding 0.0 turns -0.0 into 0.0, which would otherwise print as "-0.0".
        return BigDecimal.valueOf(value + 0.0).setScale(1, RoundingMode.HALF_UP);
    }

    static int whole(double value) {
        return BigDecimal.valueOf(value + 0.0).setScale(0, RoundingMode.HALF_UP).intValue();
    }

    static String points(double value) {
        return oneDecimal(value).toPlainString();
    }

    static String signedPoints(double value) {
        BigDecimal rounded = oneDecimal(value);
        return (rounded.signum() < 0 ? "" : "+") + rounded.toPlainString();
    }

    /** A weight or target without a needless ".0". */
    static String compact(double value) {
        BigDecimal rounded = oneDecimal(value);
        return rounded.stripTrailingZeros().scale() <= 0 ? rounded.setScale(0).toPlainString()
                : rounded.toPlainString();
    }

    static double minutes(double seconds) {
        return seconds / 60.0;
    }

    static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }

    /** Elapsed incident time, e.g. "2.0 min". */
    static String elapsed(double seconds) {
        return points(minutes(seconds)) + " min";
    }

    /** A target, e.g. "5 min". */
    static String target(Duration duration) {
        return compact(minutes(duration)) + " min";
    }

    static String percent(double ratio) {
        return compact(ratio * 100) + "%";
    }
}
