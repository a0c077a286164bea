package io.leakdrill.drill;

import io.leakdrill.scenario.Scenario.StoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The scenario's story events in incident-time order, handed out once each as their time comes. */
public final class Timeline {

    private final List<StoryEvent> pending;

    public Timeline(List<StoryEvent> events) {
        this.pending = new ArrayList<>(events);
    }

    public synchronized List<StoryEvent> due(Duration elapsed) {
        List<StoryEvent> due = new ArrayList<>();
        while (!pending.isEmpty() && pending.get(0).at().compareTo(elapsed) <= 0) {
            due.add(pending.remove(0));
        }
        return due;
    }
}
