package io.leakdrill.grader;

import java.util.List;

/** One line of a grade: the points it awarded (or took, when negative), why, and the events that show it. */
public record Finding(double points, String reason, List<EventRef> events) {

    public Finding {
        events = List.copyOf(events);
    }

    static Finding of(double points, String reason, Event... events) {
        return new Finding(points, reason, Event.refs(events));
    }
}
