package io.leakdrill.grader;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One transcript event with the fields every event has already read out. */
record Event(long seq, double at, String type, String clock, JsonObject json) {

    static Event of(JsonObject json, IncidentClock incidentClock) {
        double at = Fields.number(json, "at", 0);
        String clock = Fields.text(json, "clock", "");
        return new Event(json.getJsonNumber("seq").longValue(), at, Fields.text(json, "type", ""),
                clock.isBlank() ? incidentClock.at(at) : clock, json);
    }

    static List<EventRef> refs(Event... events) {
        return Arrays.stream(events).filter(Objects::nonNull).map(Event::ref).toList();
    }

    boolean is(String eventType) {
        return type.equals(eventType);
    }

    boolean before(Event other) {
        return seq < other.seq;
    }

    String text(String key) {
        return Fields.text(json, key, "");
    }

    double number(String key, double fallback) {
        return Fields.number(json, key, fallback);
    }

    boolean flag(String key, boolean fallback) {
        return Fields.flag(json, key, fallback);
    }

    EventRef ref() {
        return new EventRef(seq, at, clock);
    }
}
