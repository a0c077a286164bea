package io.leakdrill.drill;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the trainee has seen happen or has done so far, in incident time order: alerts, story messages, CRM crashes,
 * restarts, deploys, rollbacks, config changes, and the trainee's own acks, updates and reasoning. Decoys, samples
 * and the answer never enter it, so a console command that reads only this cannot give the game away.
 */
public final class Happenings {

    /** Transcript event types a trainee saw as they happened or typed themselves. */
    private static final Set<String> VISIBLE = Set.of("alert", "story", "crm", "restart", "deploy", "ack",
            "update", "severity", "escalate", "page", "note", "hypothesis", "rule-out", "diagnose", "config",
            "rollback", "autorestart");

    /** One transcript event as written: its seq, incident seconds, incident clock (HH:mm:ss), type and fields. */
    public record Happening(long seq, double atSeconds, String clock, String type, JsonObject fields) {

        /** A string field, or "" when it is missing. */
        public String text(String key) {
            JsonValue value = fields.get(key);
            if (value instanceof JsonString s) {
                return s.getString();
            }
            return value == null || value == JsonValue.NULL ? "" : value.toString();
        }

        /** A number field, or {@code fallback} when it is missing. */
        public long number(String key, long fallback) {
            return fields.get(key) instanceof JsonNumber n ? n.longValue() : fallback;
        }

        /** The strings of an array field; empty when it is missing. */
        public List<String> texts(String key) {
            if (!(fields.get(key) instanceof JsonArray array)) {
                return List.of();
            }
            return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
        }
    }

    private final List<Happening> kept = new ArrayList<>();

    /** Takes one written transcript event; anything the trainee did not see is dropped here. */
    synchronized void take(JsonObject event) {
        String type = event.getString("type", "");
        if (VISIBLE.contains(type)) {
            kept.add(new Happening(event.getJsonNumber("seq").longValue(), event.getJsonNumber("at").doubleValue(),
                    event.getString("clock", ""), type, event));
        }
    }

    /** Everything so far, oldest first. */
    public synchronized List<Happening> all() {
        return List.copyOf(kept);
    }

    /** The newest happening of a type, if any: read from the end, as the prompt asks at every event. */
    public synchronized Optional<Happening> latest(String type) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i).type().equals(type)) {
                return Optional.of(kept.get(i));
            }
        }
        return Optional.empty();
    }

    /** The happenings of these types so far, oldest first. */
    public synchronized List<Happening> ofType(String... types) {
        Set<String> wanted = Set.of(types);
        return kept.stream().filter(h -> wanted.contains(h.type())).toList();
    }
}
