package io.leakdrill.grader;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only JSON object of scalar fields only, as most transcript events are (a monitor sample has some forty
 * numbers), stored compactly: its field names are shared with every object of the same shape, and its values are
 * plain strings, numbers and booleans, made into {@link JsonValue}s when read. A long transcript held as Parsson's
 * objects took about 7 KB an event and spent more time in garbage collection than in parsing.
 */
final class FlatJsonObject extends AbstractMap<String, JsonValue> implements JsonObject {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Map<List<String>, Shape> SHAPES = new ConcurrentHashMap<>();
    // A shape per distinct set of field names; a transcript has a few dozen. Past this, a hostile file could grow
    // the table without end, so further shapes are simply not shared.
    private static final int MAX_SHAPES = 10_000;
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();
    private static final int MAX_SHARED_LENGTH = 16;
    private static final int MAX_SHARED = 200_000;
    // Digits (and a sign) that always fit a long.
    private static final int MAX_LONG_DIGITS = 18;

    /** Field names in order, and where each one is. */
    private record Shape(String[] names, Map<String, Integer> index) {

        static Shape of(List<String> names) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            return new Shape(names.toArray(String[]::new), index);
        }
    }

    private static final byte TEXT = 0;
    private static final byte WHOLE = 1;
    private static final byte DECIMAL = 2;
    private static final byte TRUE = 3;
    private static final byte FALSE = 4;
    private static final byte NULL = 5;

    private final Shape shape;
    // Per field its kind and its number (a long, or a double's bits); the texts of the text fields in field order.
    // Primitives, as boxes cost more.
    private final byte[] kinds;
    private final long[] numbers;
    private final String[] texts;

    private FlatJsonObject(Shape shape, byte[] kinds, long[] numbers, String[] texts) {
        this.shape = shape;
        this.kinds = kinds;
        this.numbers = numbers;
        this.texts = texts;
    }

    /**
     * Reads the rest of an object whose START_OBJECT {@code parser} has just returned, or returns null, with the
     * parser part-way through, at the first value that is an object or an array.
     */
    static FlatJsonObject read(JsonParser parser) {
        List<String> names = new ArrayList<>();
        byte[] kinds = new byte[16];
        long[] numbers = new long[16];
        String[] texts = new String[4];
        int textCount = 0;
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            int n = names.size();
            if (event == JsonParser.Event.END_OBJECT) {
                Shape shape = shape(names);
                return shape == null ? null : new FlatJsonObject(shape, Arrays.copyOf(kinds, n),
                        Arrays.copyOf(numbers, n), Arrays.copyOf(texts, textCount));
            }
            names.add(parser.getString());
            if (n == kinds.length) {
                kinds = Arrays.copyOf(kinds, 2 * n);
                numbers = Arrays.copyOf(numbers, 2 * n);
            }
            switch (parser.next()) {
                case VALUE_STRING -> {
                    kinds[n] = TEXT;
                    if (textCount == texts.length) {
                        texts = Arrays.copyOf(texts, 2 * textCount);
                    }
                    texts[textCount++] = shared(parser.getString());
                }
                case VALUE_NUMBER -> {
                    // Told from the text: Parsson's isIntegralNumber makes a BigDecimal of every decimal to ask.
                    String text = parser.getString();
                    if (!isWhole(text)) {
                        kinds[n] = DECIMAL;
                        numbers[n] = Double.doubleToRawLongBits(Double.parseDouble(text));
                    } else if (text.length() <= MAX_LONG_DIGITS) {
                        kinds[n] = WHOLE;
                        numbers[n] = Long.parseLong(text);
                    } else {
                        // Beyond a long: Parsson's own object keeps it exact.
                        return null;
                    }
                }
                case VALUE_TRUE -> kinds[n] = TRUE;
                case VALUE_FALSE -> kinds[n] = FALSE;
                case VALUE_NULL -> kinds[n] = NULL;
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isWhole(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    // Null for names that repeat, which Parsson's own object resolves its way.
    private static Shape shape(List<String> names) {
        Shape known = SHAPES.get(names);
        if (known != null) {
            return known;
        }
        Shape made = Shape.of(names);
        if (made.index().size() != names.size()) {
            return null;
        }
        return SHAPES.size() < MAX_SHAPES ? SHAPES.computeIfAbsent(List.copyOf(names), n -> made) : made;
    }

    @Override
    public JsonValue get(Object key) {
        Integer at = shape.index().get(key);
        return at == null ? null : value(at);
    }

    private JsonValue value(int at) {
        return switch (kinds[at]) {
            case TEXT -> JSON.createValue(textAt(at));
            case WHOLE -> JSON.createValue(numbers[at]);
            case DECIMAL -> JSON.createValue(Double.longBitsToDouble(numbers[at]));
            case TRUE -> JsonValue.TRUE;
            case FALSE -> JsonValue.FALSE;
            default -> JsonValue.NULL;
        };
    }

    /** The field as a number, without making a JsonNumber: graders read samples' numbers over and over. */
    double number(String key, double fallback) {
        Integer at = shape.index().get(key);
        if (at == null) {
            return fallback;
        }
        return switch (kinds[at]) {
            case WHOLE -> numbers[at];
            case DECIMAL -> Double.longBitsToDouble(numbers[at]);
            default -> fallback;
        };
    }

    /** The field as text, or the fallback when it is missing or not a string. */
    String text(String key, String fallback) {
        Integer at = shape.index().get(key);
        return at != null && kinds[at] == TEXT ? textAt(at) : fallback;
    }

    private String textAt(int at) {
        int rank = 0;
        for (int i = 0; i < at; i++) {
            if (kinds[i] == TEXT) {
                rank++;
            }
        }
        return texts[rank];
    }

    // Short texts repeat from event to event (types, clock times, states, ids): one copy of each.
    private static String shared(String text) {
        if (text.length() > MAX_SHARED_LENGTH || TEXTS.size() >= MAX_SHARED) {
            return text;
        }
        String known = TEXTS.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.index().containsKey(key);
    }

    @Override
    public int size() {
        return kinds.length;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < kinds.length;
                    }

                    @Override
                    public Entry<String, JsonValue> next() {
                        if (next >= kinds.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(shape.names()[at], value(at));
                    }
                };
            }

            @Override
            public int size() {
                return kinds.length;
            }
        };
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return (JsonArray) get(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return (JsonObject) get(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return (JsonNumber) get(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return (JsonString) get(name);
    }

    @Override
    public String getString(String name) {
        return getJsonString(name).getString();
    }

    @Override
    public String getString(String name, String defaultValue) {
        return get(name) instanceof JsonString text ? text.getString() : defaultValue;
    }

    @Override
    public int getInt(String name) {
        return getJsonNumber(name).intValue();
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return get(name) instanceof JsonNumber number ? number.intValue() : defaultValue;
    }

    @Override
    public boolean getBoolean(String name) {
        JsonValue value = get(name);
        if (value == null) {
            throw new NullPointerException("no field " + name);
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new ClassCastException(name + " is not a boolean");
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        JsonValue value = get(name);
        return value == JsonValue.TRUE || value != JsonValue.FALSE && defaultValue;
    }

    @Override
    public boolean isNull(String name) {
        JsonValue value = get(name);
        if (value == null) {
            throw new NullPointerException("no field " + name);
        }
        return value == JsonValue.NULL;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public String toString() {
        return JSON.createObjectBuilder(this).build().toString();
    }
}
