package io.leakdrill.grader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A drill transcript read from JSON Lines: the header (which embeds the scenario) and the events. */
public final class Transcript {

    /** The transcript format this grader reads. */
    public static final int FORMAT = 1;

    // One factory for every line: Json.createParser looks the JSON provider up again on each call, which cost more
    // than the parsing itself.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final int BATCH = 4096;

    private final JsonObject header;
    private final List<JsonObject> events;
    private final boolean complete;

    private Transcript(JsonObject header, List<JsonObject> events, boolean complete) {
        this.header = header;
        this.events = List.copyOf(events);
        this.complete = complete;
    }

    /**
     * Reads a transcript. A final line that is not valid JSON is taken to be cut short by a crash
     * and dropped; such a transcript, or one without an {@code end} event, is not complete.
     *
     * @throws TranscriptException naming the line, for a malformed line or a missing or invalid header
     */
    public static Transcript parse(Reader reader) {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        NumberedLine headerLine = nextLine(lines, 0);
        if (headerLine == null) {
            throw new TranscriptException("line 1: missing header: the transcript is empty");
        }
        JsonObject header = parseHeader(headerLine);

        // Lines are read in batches and each batch is parsed on every core, so a long drill's text is never all
        // held at once. Problems are then taken in line order, so the same file always gives the same message.
        List<NumberedObject> events = new ArrayList<>();
        boolean truncated = false;
        List<NumberedLine> batch = new ArrayList<>(BATCH);
        NumberedLine line = nextLine(lines, headerLine.number());
        while (line != null && !truncated) {
            batch.clear();
            while (line != null && batch.size() < BATCH) {
                batch.add(line);
                line = nextLine(lines, line.number());
            }
            Object[] parsed = batch.parallelStream().map(Transcript::parseOrProblem).toArray();
            for (int i = 0; i < parsed.length; i++) {
                if (parsed[i] instanceof TranscriptException e) {
                    // Only the last line can be half-written by a drill that died mid-flush.
                    if (line == null && i == parsed.length - 1) {
                        truncated = true;
                        break;
                    }
                    throw e;
                }
                checkEvent(batch.get(i).number(), (JsonObject) parsed[i]);
                events.add(new NumberedObject(batch.get(i).number(), (JsonObject) parsed[i]));
            }
        }
        events.sort(Comparator.comparingLong(NumberedObject::seq));
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).seq() == events.get(i - 1).seq()) {
                throw new TranscriptException("line " + events.get(i).number() + ": seq "
                        + events.get(i).seq() + " repeats the seq of line " + events.get(i - 1).number());
            }
        }
        List<JsonObject> objects = events.stream().map(NumberedObject::object).toList();
        boolean ended = objects.stream().anyMatch(e -> "end".equals(Fields.text(e, "type", "")));
        return new Transcript(header, objects, ended && !truncated);
    }

    /** The first line, as written by the drill. */
    public JsonObject header() {
        return header;
    }

    /** The scenario the drill ran, embedded in the header. */
    public JsonObject scenario() {
        return header.getJsonObject("scenario");
    }

    /** Every event after the header, in seq order. */
    public List<JsonObject> events() {
        return events;
    }

    /** Whether the drill reached its {@code end} event and no line was cut short. */
    public boolean complete() {
        return complete;
    }

    /** The next non-blank line after line {@code after}, or null at the end. */
    private static NumberedLine nextLine(BufferedReader reader, int after) {
        int number = after;
        try {
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    return new NumberedLine(number, text);
                }
            }
            return null;
        } catch (IOException e) {
            throw new TranscriptException("line " + (number + 1) + ": could not read the transcript: "
                    + e.getMessage(), e);
        }
    }

    private static JsonObject parseHeader(NumberedLine line) {
        JsonObject header = parseObject(line);
        String where = "line " + line.number() + ": invalid header: ";
        if (!"drill".equals(Fields.text(header, "type", null))) {
            throw new TranscriptException(where + "\"type\" must be \"drill\"; is this a Leak Drill transcript?");
        }
        if (!(header.get("format") instanceof JsonNumber format) || !format.isIntegral()
                || format.longValue() != FORMAT) {
            throw new TranscriptException(where + "\"format\" must be " + FORMAT + ", found " + header.get("format"));
        }
        if (!(header.get("scenario") instanceof JsonObject scenario)) {
            throw new TranscriptException(where + "\"scenario\" must be the scenario object");
        }
        try {
            Rubric.of(scenario);
        } catch (IllegalArgumentException e) {
            throw new TranscriptException(where + e.getMessage(), e);
        }
        return header;
    }

    private static void checkEvent(int number, JsonObject event) {
        String where = "line " + number + ": ";
        if (!(event.get("type") instanceof JsonString)) {
            throw new TranscriptException(where + "event has no \"type\"");
        }
        if (!(event.get("seq") instanceof JsonNumber seq) || !seq.isIntegral() || seq.longValue() < 1) {
            throw new TranscriptException(where + "event has no valid \"seq\" (a whole number from 1)");
        }
        if (!(event.get("at") instanceof JsonNumber)) {
            throw new TranscriptException(where + "event has no numeric \"at\" (incident seconds)");
        }
    }

    private static Object parseOrProblem(NumberedLine line) {
        try {
            return parseObject(line);
        } catch (TranscriptException e) {
            return e;
        }
    }

    private static JsonObject parseObject(NumberedLine line) {
        JsonObject flat = parse(line, true);
        // Nested values: Parsson's own object, read again from the start.
        return flat != null ? flat : parse(line, false);
    }

    /** The line's object; with {@code flatOnly}, null when a value is an object or an array. */
    private static JsonObject parse(NumberedLine line, boolean flatOnly) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(line.text()))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new TranscriptException("line " + line.number() + ": not a JSON object");
            }
            JsonObject object = flatOnly ? FlatJsonObject.read(parser) : parser.getObject();
            if (object == null) {
                return null;
            }
            if (parser.hasNext()) {
                throw new TranscriptException("line " + line.number() + ": unexpected text after the JSON object");
            }
            return object;
        } catch (JsonParsingException e) {
            throw new TranscriptException("line " + line.number() + ": malformed JSON" + column(e.getLocation()), e);
        } catch (JsonException e) {
            throw new TranscriptException("line " + line.number() + ": malformed JSON", e);
        }
    }

    private static String column(JsonLocation location) {
        return location == null || location.getColumnNumber() < 1 ? "" : " near column " + location.getColumnNumber();
    }

    private record NumberedLine(int number, String text) {
    }

    // The seq is read once: sorting a long drill compares it millions of times.
    private record NumberedObject(int number, JsonObject object, long seq) {
        NumberedObject(int number, JsonObject object) {
            this(number, object, object.getJsonNumber("seq").longValue());
        }
    }
}
