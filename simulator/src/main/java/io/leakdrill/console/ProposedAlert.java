package io.leakdrill.console;

import io.leakdrill.grader.DurationText;
import io.leakdrill.world.monitor.Condition;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert rule a trainee proposes in the postmortem, written as a scenario's alert is: a condition such as
 * {@code old_gen_after_gc_ratio > 0.8}, and optionally {@code for 5m}, how long it must hold before it fires.
 *
 * @param forText the duration as typed, empty when none was given
 */
public record ProposedAlert(Condition condition, String forText, Duration holdFor) {

    // The last " for" splits the rule; the words after it, however many, are the duration.
    private static final Pattern WITH_FOR = Pattern.compile("(?i)(.*?)\\s+for(?:\\s+(.*))?");

    /**
     * Parses {@code METRIC OP NUMBER [for DURATION]}.
     *
     * @throws IllegalArgumentException with one line saying what is wrong (an unknown metric's message names the
     *         known ones)
     */
    public static ProposedAlert parse(String text) {
        String rule = text.strip();
        String forText = "";
        Matcher m = WITH_FOR.matcher(rule);
        if (m.matches()) {
            rule = m.group(1);
            forText = m.group(2) == null ? "" : m.group(2).strip();
            if (forText.isEmpty()) {
                throw new IllegalArgumentException("`for` needs a duration after it, like `for 5m`");
            }
        }
        Condition condition = Condition.parse(rule);
        Duration holdFor = forText.isEmpty() ? Duration.ZERO : DurationText.parse(forText);
        return new ProposedAlert(condition, forText, holdFor);
    }

    /** The rule as the trainee would read it back: the normalised condition and the duration as typed. */
    @Override
    public String toString() {
        return condition + (forText.isEmpty() ? "" : " for " + forText);
    }
}
