package io.leakdrill.grader;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Lenient reads of optional JSON fields, so one odd field never stops a grade. */
final class Fields {

    private Fields() {
    }

    static String text(JsonObject object, String key, String fallback) {
        if (object instanceof FlatJsonObject flat) {
            return flat.text(key, fallback);
        }
        JsonValue value = object.get(key);
        return value instanceof JsonString string ? string.getString() : fallback;
    }

    static double number(JsonObject object, String key, double fallback) {
        if (object instanceof FlatJsonObject flat) {
            return flat.number(key, fallback);
        }
        JsonValue value = object.get(key);
        return value instanceof JsonNumber number ? number.doubleValue() : fallback;
    }

    static boolean hasNumber(JsonObject object, String key) {
        return object.get(key) instanceof JsonNumber;
    }

    static boolean flag(JsonObject object, String key, boolean fallback) {
        JsonValue value = object.get(key);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        return fallback;
    }

    static JsonObject object(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonObject child ? child : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The strings of an array field; other values as their JSON text, so nothing is silently lost. */
    static List<String> strings(JsonObject object, String key) {
        return array(object, key).stream().map(v -> v instanceof JsonString text ? text.getString() : v.toString())
                .toList();
    }

    static JsonArray array(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }
}
