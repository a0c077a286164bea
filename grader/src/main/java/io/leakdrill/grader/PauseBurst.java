package io.leakdrill.grader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Watches the diagnostics that stop the CRM (a histogram's full GC, a heap dump, a GC-root scan, a thread dump) for
 * bursts: many within a few incident minutes is freezing production to look again, not investigating.
 */
final class PauseBurst {

    static final int LIMIT = 5;
    static final double WINDOW_SECONDS = 5 * 60;
    private static final Set<String> PAUSING = Set.of("histogram", "heap-dump", "roots", "threads");

    private final Deque<Event> recent = new ArrayDeque<>();

    /** Feeds one event; true when it completes a burst (the watch then starts afresh). */
    boolean completes(Event event) {
        if (!event.is("evidence") || !PAUSING.contains(event.text("kind"))) {
            return false;
        }
        recent.addLast(event);
        while (event.at() - recent.peekFirst().at() > WINDOW_SECONDS) {
            recent.removeFirst();
        }
        if (recent.size() < LIMIT) {
            return false;
        }
        recent.clear();
        return true;
    }
}
