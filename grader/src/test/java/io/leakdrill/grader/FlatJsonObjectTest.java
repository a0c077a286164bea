package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A flat event reads back exactly as Parsson's own object of the same line, only smaller. */
class FlatJsonObjectTest {

    private static final String SAMPLE = "{\"seq\":7,\"type\":\"sample\",\"at\":127.3,\"clock\":\"15:47:07\","
            + "\"crmUp\":true,\"paused\":false,\"note\":null,\"oldAfterGc\":47185920,\"gcTimeShare\":0.0333,"
            + "\"tiny\":1.0E-4,\"negative\":-12}";

    private static FlatJsonObject flat(String line) {
        try (JsonParser parser = Json.createParser(new StringReader(line))) {
            parser.next();
            return FlatJsonObject.read(parser);
        }
    }

    private static JsonObject parsson(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    @Test
    void readsBackAsParssonsObjectOfTheSameLine() {
        FlatJsonObject flat = flat(SAMPLE);
        JsonObject expected = parsson(SAMPLE);

        assertEquals(expected, flat);
        assertEquals(expected.keySet().stream().toList(), flat.keySet().stream().toList(), "fields in their order");
        assertEquals(parsson(flat.toString()), expected, "written out, it is the same JSON");
        assertEquals(7, flat.getInt("seq"));
        assertTrue(flat.getJsonNumber("seq").isIntegral());
        assertFalse(flat.getJsonNumber("at").isIntegral());
        assertEquals(0.0333, flat.getJsonNumber("gcTimeShare").doubleValue());
        assertEquals(1.0E-4, flat.getJsonNumber("tiny").doubleValue());
        assertEquals(-12, flat.getInt("negative"));
        assertEquals("15:47:07", flat.getString("clock"));
        assertTrue(flat.getBoolean("crmUp"));
        assertFalse(flat.getBoolean("paused", true));
        assertTrue(flat.isNull("note"));
        assertNull(flat.get("missing"));
        assertEquals("fallback", flat.getString("missing", "fallback"));
        assertEquals(3, flat.getInt("clock", 3), "a field of another type gives the default");
        assertThrows(ClassCastException.class, () -> flat.getJsonNumber("clock"));
        assertThrows(NullPointerException.class, () -> flat.getString("missing"));
    }

    @Test
    void theGradersFastReadsAgreeWithTheJsonValues() {
        FlatJsonObject flat = flat(SAMPLE);

        assertEquals(127.3, Fields.number(flat, "at", -1));
        assertEquals(47185920, Fields.number(flat, "oldAfterGc", -1));
        assertEquals(-1, Fields.number(flat, "clock", -1), "text is not a number");
        assertEquals("sample", Fields.text(flat, "type", "?"));
        assertEquals("?", Fields.text(flat, "seq", "?"), "a number is not text");
        assertTrue(Fields.flag(flat, "crmUp", false));
    }

    @Test
    void leavesNestedValuesRepeatedNamesAndHugeNumbersToParsson() {
        assertNull(flat("{\"type\":\"evidence\",\"growing\":[\"a\"]}"));
        assertNull(flat("{\"type\":\"drill\",\"scenario\":{\"id\":\"x\"}}"));
        assertNull(flat("{\"a\":1,\"a\":2}"));
        assertNull(flat("{\"big\":123456789012345678901234567890}"));
    }
}
