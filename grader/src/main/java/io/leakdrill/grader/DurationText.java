package io.leakdrill.grader;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short duration strings scenarios use, such as "90s", "5m" and "1h30m". */
public final class DurationText {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?[hms])+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])");

    private DurationText() {
    }

    /**
     * Returns the duration the text names.
     *
     * @throws IllegalArgumentException if the text is not a sequence of number-and-unit parts
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (expected e.g. 90s, 5m, 1h30m)");
        }
        double seconds = 0;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            seconds += switch (part.group(2)) {
                case "h" -> amount * 3600;
                case "m" -> amount * 60;
                default -> amount;
            };
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
