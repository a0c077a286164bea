package io.leakdrill.grader;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The drill's events in seq order, with the look-ups the rubric rules share. */
final class EventLog {

    private final List<Event> events;

    private EventLog(List<Event> events) {
        this.events = List.copyOf(events);
    }

    static EventLog of(List<JsonObject> events, IncidentClock clock) {
        return new EventLog(events.stream().map(json -> Event.of(json, clock)).toList());
    }

    List<Event> all() {
        return events;
    }

    List<Event> ofType(String type) {
        return events.stream().filter(e -> e.is(type)).toList();
    }

    Optional<Event> first(Predicate<Event> test) {
        return events.stream().filter(test).findFirst();
    }

    Optional<Event> first(String type) {
        return first(e -> e.is(type));
    }

    Optional<Event> firstAfter(Event after, Predicate<Event> test) {
        return first(e -> after.before(e) && test.test(e));
    }

    Optional<Event> last() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    Optional<Event> firstFiringAlert() {
        return first(e -> e.is("alert") && "firing".equals(e.text("state")));
    }

    /** Restarts and deploys both replace the leaking JVM, so either one is the first act of mitigation. */
    Optional<Event> firstAction() {
        return first(e -> e.is("restart") || e.is("deploy"));
    }

    Optional<Event> resolveEnd() {
        return first(e -> e.is("end") && "resolve".equals(e.text("reason")));
    }
}
