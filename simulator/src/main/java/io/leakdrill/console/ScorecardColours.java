package io.leakdrill.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours the plain scorecard for a terminal that shows colour: the level and each category's points by how much of
 * the category was earned, findings that earned nothing and penalties in warning colours, times against targets.
 * The grader renders plain text so files and pipes stay clean; only the terminal gets this.
 */
public final class ScorecardColours {

    private static final Pattern SCORE = Pattern.compile("^Score (\\d+) / (\\d+)  \\((\\w+)\\)$");
    private static final Pattern CATEGORY = Pattern.compile("^(  \\S+\\s+)(\\d+\\.\\d) / (\\d+)(.*)$");
    private static final Pattern NOTHING = Pattern.compile("\\+0\\.0 ");
    private static final Pattern PENALTY = Pattern.compile("^(\\s+)(-\\d+\\.\\d)(.*)$");

    private ScorecardColours() {
    }

    public static String paint(String scorecard, Style style) {
        if (!style.colour()) {
            return scorecard;
        }
        StringBuilder out = new StringBuilder();
        for (String line : scorecard.split("\n", -1)) {
            out.append(paintLine(line, style)).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String paintLine(String line, Style style) {
        Matcher score = SCORE.matcher(line);
        if (score.matches()) {
            return byShare(line, Double.parseDouble(score.group(1)) / Double.parseDouble(score.group(2)), style);
        }
        Matcher category = CATEGORY.matcher(line);
        if (category.matches()) {
            double max = Double.parseDouble(category.group(3));
            double share = max == 0 ? 1 : Double.parseDouble(category.group(2)) / max;
            return category.group(1) + byShare(category.group(2) + " / " + category.group(3), share, style)
                    + nothing(category.group(4), style);
        }
        Matcher penalty = PENALTY.matcher(line);
        if (penalty.matches()) {
            return penalty.group(1) + style.bad(penalty.group(2)) + penalty.group(3);
        }
        if (line.endsWith(" late")) {
            return line.substring(0, line.length() - 4) + style.warn("late");
        }
        if (line.endsWith(" on target")) {
            return line.substring(0, line.length() - 9) + style.good("on target");
        }
        return nothing(line, style);
    }

    private static String nothing(String text, Style style) {
        return NOTHING.matcher(text).replaceAll(Matcher.quoteReplacement(style.warn("+0.0") + " "));
    }

    private static String byShare(String text, double share, Style style) {
        return share >= 0.8 ? style.good(text) : share >= 0.4 ? style.warn(text) : style.bad(text);
    }
}
