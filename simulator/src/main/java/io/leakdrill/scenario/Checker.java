package io.leakdrill.scenario;

import io.leakdrill.grader.DurationText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads typed fields out of located JSON and collects every problem instead of stopping at the first. */
final class Checker {

    private final LocatedJson doc;
    private final List<ScenarioProblem> problems = new ArrayList<>();

    Checker(LocatedJson doc) {
        this.doc = doc;
    }

    List<ScenarioProblem> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(new ScenarioProblem(path, doc.lineOf(path), message));
    }

    void onlyKnown(JsonObject object, String path, Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                problem(path + "." + key, "unknown field '" + key + "' (expected one of " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    JsonObject object(JsonObject parent, String path, String key) {
        JsonValue value = parent.get(key);
        if (value == null) {
            problem(path, "missing object '" + key + "'");
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problem(path + "." + key, "expected an object");
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return value.asJsonObject();
    }

    JsonArray array(JsonObject parent, String path, String key) {
        JsonValue value = parent.get(key);
        if (value == null) {
            problem(path, "missing array '" + key + "'");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            problem(path + "." + key, "expected an array");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return value.asJsonArray();
    }

    JsonObject element(JsonArray array, int index, String path) {
        JsonValue value = array.get(index);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problem(path + "[" + index + "]", "expected an object");
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return value.asJsonObject();
    }

    String string(JsonObject parent, String path, String key, String fallback) {
        JsonValue value = parent.get(key);
        if (value == null) {
            if (fallback == null) {
                problem(path, "missing text field '" + key + "'");
                return "";
            }
            return fallback;
        }
        if (!(value instanceof JsonString s)) {
            problem(path + "." + key, "expected text, got " + value.getValueType().toString().toLowerCase());
            return fallback == null ? "" : fallback;
        }
        return s.getString();
    }

    String oneOf(JsonObject parent, String path, String key, String fallback, Set<String> allowed) {
        String value = string(parent, path, key, fallback);
        if (!allowed.contains(value) && parent.containsKey(key)) {
            problem(path + "." + key, "'" + value + "' is not one of " + String.join(", ",
                    allowed.stream().sorted().toList()));
        }
        return value;
    }

    double number(JsonObject parent, String path, String key, Double fallback, double min, double max) {
        JsonValue value = parent.get(key);
        if (value == null) {
            if (fallback == null) {
                problem(path, "missing number '" + key + "'");
                return min;
            }
            return fallback;
        }
        if (!(value instanceof JsonNumber n)) {
            problem(path + "." + key, "expected a number, got " + value.getValueType().toString().toLowerCase());
            return fallback == null ? min : fallback;
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            problem(path + "." + key, d + " is out of range [" + min + ", " + max + "]");
        }
        return d;
    }

    /** A whole number: a count of users or megabytes has no fraction, and 2.5 is a typo worth reporting. */
    long integer(JsonObject parent, String path, String key, Long fallback, long min, long max) {
        JsonValue value = parent.get(key);
        double d = number(parent, path, key, fallback == null ? null : fallback.doubleValue(), min, max);
        if (value instanceof JsonNumber n && !n.isIntegral()) {
            problem(path + "." + key, d + " must be a whole number");
        }
        return (long) d;
    }

    /** A duration that must be longer than zero (a zero-minute incident or window is a mistake). */
    Duration positiveDuration(JsonObject parent, String path, String key, String fallback) {
        Duration d = duration(parent, path, key, fallback);
        if (d.isZero() && parent.containsKey(key) && !problemAt(path + "." + key)) {
            problem(path + "." + key, "must be longer than zero");
        }
        return d;
    }

    private boolean problemAt(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path));
    }

    /** An id that must be unique within its list; reports the duplicate at its own path. */
    String uniqueId(JsonObject element, String path, Set<String> seen, String what) {
        String id = string(element, path, "id", null);
        if (!id.isEmpty() && !seen.add(id)) {
            problem(path + ".id", "duplicate " + what + " id '" + id + "'");
        }
        return id;
    }

    /** A list of strings; other elements are reported and skipped. */
    List<String> strings(JsonObject parent, String path, String key) {
        List<String> out = new ArrayList<>();
        JsonArray array = array(parent, path, key);
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                out.add(s.getString());
            } else {
                problem(path + "." + key + "[" + i + "]", "expected text");
            }
        }
        return out;
    }

    boolean bool(JsonObject parent, String path, String key, boolean fallback) {
        JsonValue value = parent.get(key);
        if (value == null) {
            return fallback;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            problem(path + "." + key, "expected true or false");
            return fallback;
        }
        return value == JsonValue.TRUE;
    }

    Duration duration(JsonObject parent, String path, String key, String fallback) {
        String text = string(parent, path, key, fallback);
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            problem(path + "." + key, e.getMessage());
            return Duration.ZERO;
        }
    }
}
