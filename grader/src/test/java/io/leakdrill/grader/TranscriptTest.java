package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void parsesHeaderScenarioAndEventsInSeqOrder() {
        Transcript transcript = Drills.expert().transcript();

        assertEquals("alice", transcript.header().getString("trainee"));
        assertEquals("memory-leak-mayhem", transcript.scenario().getString("id"));
        assertTrue(transcript.complete());
        List<Long> seqs = transcript.events().stream().map(e -> e.getJsonNumber("seq").longValue()).toList();
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1, seqs.get(i));
        }
    }

    @Test
    void linesOutOfOrderAreSortedBySeq() {
        List<String> lines = new ArrayList<>(Drills.expert().lines());
        String second = lines.remove(2);
        lines.add(5, second);

        Transcript transcript = Transcript.parse(new StringReader(String.join("\n", lines)));

        assertEquals(2, transcript.events().get(1).getInt("seq"));
    }

    @Test
    void truncatedLastLineIsDroppedAndMarkedIncomplete() {
        List<String> lines = Drills.expert().lines();
        String last = lines.get(lines.size() - 2);
        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 2));
        cut.add(last.substring(0, last.length() / 2));

        Transcript transcript = Transcript.parse(new StringReader(String.join("\n", cut)));
        Scorecard card = Grader.grade(transcript);

        assertFalse(transcript.complete());
        assertEquals(lines.size() - 3, transcript.events().size());
        assertFalse(card.complete());
        assertTrue(ScorecardText.render(card).contains("INCOMPLETE"));
        assertFalse(ScorecardJson.toJson(card).getBoolean("complete"));
    }

    @Test
    void transcriptWithoutEndIsIncomplete() {
        Transcript transcript = new TranscriptBuilder().alert(100, "A1", "firing").transcript();

        assertFalse(transcript.complete());
        assertEquals(1, transcript.events().size());
    }

    @Test
    void malformedMiddleLineNamesItsLineNumber() {
        List<String> lines = new ArrayList<>(Drills.expert().lines());
        lines.set(4, "{\"seq\": 4, \"type\": \"ack\", ");

        TranscriptException error = assertThrows(TranscriptException.class,
                () -> Transcript.parse(new StringReader(String.join("\n", lines))));

        assertTrue(error.getMessage().startsWith("line 5:"), error.getMessage());
    }

    @Test
    void aLongDrillIsReadWholeAndAProblemDeepInItNamesItsLine() {
        // Longer than one of the reader's batches, with the break and the cut far from the first.
        List<String> lines = longDrill(10_000);

        assertEquals(10_000, Transcript.parse(new StringReader(String.join("\n", lines))).events().size());

        List<String> broken = new ArrayList<>(lines);
        broken.set(9_000, "{\"seq\": 9000, \"type\": ");
        broken.set(9_500, "not json");
        TranscriptException error = assertThrows(TranscriptException.class,
                () -> Transcript.parse(new StringReader(String.join("\n", broken))));
        assertTrue(error.getMessage().startsWith("line 9001:"), error.getMessage());

        List<String> cut = new ArrayList<>(lines);
        cut.set(cut.size() - 1, "{\"seq\": 100");
        Transcript truncated = Transcript.parse(new StringReader(String.join("\n", cut)));
        assertFalse(truncated.complete());
        assertEquals(9_999, truncated.events().size());
    }

    private static List<String> longDrill(int events) {
        List<String> lines = new ArrayList<>();
        lines.add(Drills.expert().lines().get(0));
        for (int seq = 1; seq <= events; seq++) {
            lines.add("{\"seq\": " + seq + ", \"type\": \"note\", \"at\": " + seq + ", \"text\": \"n\"}");
        }
        return lines;
    }

    @Test
    void trailingTextAfterAnObjectIsMalformed() {
        List<String> lines = new ArrayList<>(Drills.expert().lines());
        lines.set(2, lines.get(2) + " {}");

        TranscriptException error = assertThrows(TranscriptException.class,
                () -> Transcript.parse(new StringReader(String.join("\n", lines))));

        assertTrue(error.getMessage().startsWith("line 3:"), error.getMessage());
    }

    @Test
    void eventWithoutSeqNamesItsLine() {
        List<String> lines = new ArrayList<>(Drills.expert().lines());
        lines.set(3, "{\"type\":\"ack\",\"at\":1.0}");

        TranscriptException error = assertThrows(TranscriptException.class,
                () -> Transcript.parse(new StringReader(String.join("\n", lines))));

        assertTrue(error.getMessage().startsWith("line 4:") && error.getMessage().contains("seq"),
                error.getMessage());
    }

    @Test
    void missingOrInvalidHeaderIsRejected() {
        assertHeaderError("", "empty");
        assertHeaderError("{\"type\":\"sample\",\"seq\":1,\"at\":0}", "\"drill\"");
        assertHeaderError("{\"type\":\"drill\",\"format\":1}", "scenario");
        assertHeaderError("{\"type\":\"drill\",\"format\":2,\"scenario\":{}}", "format");
        assertHeaderError("{\"type\":\"drill\",\"format\":1,\"scenario\":{\"rubric\":{\"targets\":"
                + "{\"acknowledge\":\"soon\"}}}}", "scenario.rubric.targets.acknowledge");
        assertHeaderError("{\"type\":\"drill\",\"format\":1,\"scen", "malformed");
    }

    private static void assertHeaderError(String text, String mention) {
        TranscriptException error = assertThrows(TranscriptException.class,
                () -> Transcript.parse(new StringReader(text)));
        assertTrue(error.getMessage().startsWith("line 1:") && error.getMessage().contains(mention),
                error.getMessage());
    }
}
