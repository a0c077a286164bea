package io.leakdrill.grader;

import java.time.Duration;

/** The share of a timed award earned: all of it within the target, falling linearly to none at three times it. */
final class Credit {

    private Credit() {
    }

    static double linear(double elapsedSeconds, Duration target) {
        double limit = target.toMillis() / 1000.0;
        if (elapsedSeconds <= limit) {
            return 1.0;
        }
        if (elapsedSeconds >= 3 * limit) {
            return 0.0;
        }
        return (3 * limit - elapsedSeconds) / (2 * limit);
    }
}
