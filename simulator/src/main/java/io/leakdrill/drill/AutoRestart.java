package io.leakdrill.drill;

import io.leakdrill.world.monitor.Condition;
import io.leakdrill.world.monitor.Sample;
import java.time.Duration;
import java.util.Optional;

/**
 * The postmortem's "restart it when it gets greedy" script as a watchdog: when on, a monitor sample on which its
 * rule holds restarts the CRM, at most once per gap so it cannot loop. It is a band-aid: each restart throws the
 * leak's evidence away and resets its clock, and the leak grows back. Pure: samples in, decisions out.
 */
public final class AutoRestart {

    /** The rule the postmortem's script used, in the alert rules' syntax. */
    public static final String DEFAULT_RULE = "old_gen_after_gc_ratio > 0.9";
    /** The least incident time between two restarts: a fresh JVM must get the chance to show it is healthy. */
    public static final Duration MIN_GAP = Duration.ofMinutes(5);

    /** A restart to do now: the rule and the value that made it hold. */
    public record Decision(Condition rule, double value) {
    }

    private final Duration gap;
    private Condition rule;
    private double lastRestartAt = Double.NEGATIVE_INFINITY;

    public AutoRestart() {
        this(MIN_GAP);
    }

    AutoRestart(Duration gap) {
        this.gap = gap;
    }

    public synchronized void on(Condition newRule) {
        rule = newRule;
    }

    public synchronized void off() {
        rule = null;
    }

    /** The rule it watches, or empty when it is off. */
    public synchronized Optional<Condition> rule() {
        return Optional.ofNullable(rule);
    }

    /** Any restart (the watchdog's own, the trainee's, a deploy's) starts the gap again. */
    public synchronized void restarted(double atSeconds) {
        lastRestartAt = Math.max(lastRestartAt, atSeconds);
    }

    /**
     * Whether to restart on this sample; a yes counts as a restart at the sample's time. A sample without the CRM
     * says nothing about its memory, so it never triggers one.
     */
    public synchronized Optional<Decision> decide(Sample sample) {
        if (rule == null || !sample.crmUp() || !rule.holds(sample)
                || sample.atSeconds() - lastRestartAt < gap.toSeconds()) {
            return Optional.empty();
        }
        lastRestartAt = sample.atSeconds();
        return Optional.of(new Decision(rule, rule.valueIn(sample)));
    }
}
