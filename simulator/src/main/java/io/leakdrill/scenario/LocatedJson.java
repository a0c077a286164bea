package io.leakdrill.scenario;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed JSON document together with the line on which every value starts, keyed by JSON path ($.a.b[0]). */
public final class LocatedJson {

    private final JsonValue root;
    private final Map<String, Long> lines;

    private LocatedJson(JsonValue root, Map<String, Long> lines) {
        this.root = root;
        this.lines = lines;
    }

    public JsonValue root() {
        return root;
    }

    /** The line of the value at a path, or of its nearest parent that exists. */
    public long lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Long line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }

    /** Parses text; a syntax error becomes a single problem with its line. */
    public static LocatedJson parse(String source, String text) throws ScenarioException {
        Map<String, Long> lines = new HashMap<>();
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new ScenarioException(source, List.of(new ScenarioProblem("$", 1, "the file is empty")));
            }
            JsonParser.Event first = parser.next();
            JsonValue root = read(parser, first, "$", lines);
            return new LocatedJson(root, lines);
        } catch (JsonParsingException e) {
            throw new ScenarioException(source, List.of(new ScenarioProblem("$", e.getLocation().getLineNumber(),
                    "not valid JSON: " + e.getMessage())));
        }
    }

    private static JsonValue read(JsonParser parser, JsonParser.Event event, String path, Map<String, Long> lines) {
        lines.put(path, parser.getLocation().getLineNumber());
        switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                JsonParser.Event e;
                while ((e = parser.next()) != JsonParser.Event.END_OBJECT) {
                    String key = parser.getString();
                    String child = path + "." + key;
                    object.add(key, read(parser, parser.next(), child, lines));
                }
                return object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                int index = 0;
                JsonParser.Event e;
                while ((e = parser.next()) != JsonParser.Event.END_ARRAY) {
                    array.add(read(parser, e, path + "[" + index++ + "]", lines));
                }
                return array.build();
            }
            default -> {
                return parser.getValue();
            }
        }
    }
}
