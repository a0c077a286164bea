package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardRenderingTest {

    @Test
    void textFitsA100ColumnTerminalInPlainAscii() {
        Scorecard card = Drills.bandAidOnly().diagnose(800, "d\u00e9als-\u001b[31mindex").grade();

        String text = ScorecardText.render(card);

        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 100, () -> "too wide: " + line);
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "not plain ASCII: " + line);
        }
    }

    @Test
    void textShowsScoreCitationsPenaltiesAndTimes() {
        Scorecard card = Drills.bandAidOnly().grade();
        String text = ScorecardText.render(card);

        assertTrue(text.startsWith("Leak Drill scorecard - Memory Leak Mayhem (memory-leak-mayhem), seed 42,"
                + " trainee alice\nScore " + card.total() + " / 100  (novice)\n"), text);
        assertTrue(text.contains("band-aid presented as a fix: deployed heap-512m   [#"), text);
        assertTrue(text.contains("  triage          1.0 / 10   +1.0 acknowledged A1 13.0 min after it fired "
                + "(target 5 min)\n"
                + " ".repeat(29) + "[#4 15:47:00, #31 16:00:00]\n"), text);
        assertTrue(text.contains("to diagnose"), text);
        assertTrue(text.contains("not reached"), text);
        assertFalse(text.contains("INCOMPLETE"), text);
    }

    @Test
    void jsonHasAStableSchemaAndRoundTripsThroughText() {
        Scorecard card = Drills.expert().grade();

        JsonObject json = ScorecardJson.toJson(card);
        JsonObject reread = Json.createReader(new StringReader(ScorecardJson.render(card))).readObject();

        assertEquals(json, reread);
        assertEquals(List.of("schema", "scenario", "trainee", "seed", "complete", "total", "max", "level",
                "categories", "penalties", "penaltyPoints", "times"), List.copyOf(json.keySet()));
        assertEquals(ScorecardJson.SCHEMA, json.getString("schema"));
        assertEquals(card.total(), json.getInt("total"));
        assertEquals(7, json.getJsonArray("categories").size());
        JsonObject triage = json.getJsonArray("categories").getJsonObject(0);
        assertEquals("10.0", triage.getJsonNumber("points").toString());
        JsonObject cited = triage.getJsonArray("findings").getJsonObject(0).getJsonArray("events")
                .getJsonObject(0);
        assertEquals("15:47:00", cited.getString("clock"));
        JsonObject notReached = ScorecardJson.toJson(Drills.bandAidOnly().grade()).getJsonArray("times")
                .getJsonObject(1);
        assertTrue(notReached.isNull("minutes") && notReached.isNull("at"));
    }
}
