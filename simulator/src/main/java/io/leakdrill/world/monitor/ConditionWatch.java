package io.leakdrill.world.monitor;

import java.time.Duration;

/**
 * Watches one condition across monitor samples and says when it has held, without a break, for long enough.
 * Incident time comes from the samples themselves, so the watch is pure and a test can feed it any history.
 */
public final class ConditionWatch {

    private final Condition condition;
    private final double holdSeconds;
    private Double holdingSince;

    public ConditionWatch(Condition condition, Duration holdFor) {
        this.condition = condition;
        this.holdSeconds = holdFor.toMillis() / 1000.0;
    }

    /** Feeds one sample; true while the condition has held for at least the hold time, ending with this sample. */
    public boolean update(Sample sample) {
        if (!condition.holds(sample)) {
            holdingSince = null;
            return false;
        }
        if (holdingSince == null) {
            holdingSince = sample.atSeconds();
        }
        return sample.atSeconds() - holdingSince >= holdSeconds;
    }

    public Condition condition() {
        return condition;
    }
}
