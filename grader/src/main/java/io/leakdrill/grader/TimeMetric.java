package io.leakdrill.grader;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How long the trainee took to reach one milestone (acknowledge, diagnose, mitigate, resolve) against its target,
 * in incident minutes, with the clock times it was reached and due, and what the real incident's responders took.
 */
public record TimeMetric(String name, OptionalDouble minutes, Optional<String> reachedAt, double targetMinutes,
        Optional<String> dueBy, List<EventRef> events, OptionalDouble originalMinutes) {

    public TimeMetric {
        events = List.copyOf(events);
    }

    public boolean reached() {
        return minutes.isPresent();
    }

    public boolean onTarget() {
        return reached() && minutes.getAsDouble() <= targetMinutes;
    }
}
