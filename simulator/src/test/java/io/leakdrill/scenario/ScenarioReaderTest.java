package io.leakdrill.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    static String seedText() throws Exception {
        return Files.readString(Path.of(System.getProperty("leakdrill.scenarios"), "memory-leak-mayhem.json"));
    }

    private static ScenarioProblem onlyProblem(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read("test.json", text));
        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        return e.problems().get(0);
    }

    private static long lineOf(String text, String needle) {
        int index = text.indexOf(needle);
        assertTrue(index >= 0, needle);
        return text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theSeedScenarioIsValid() throws Exception {
        Scenario s = ScenarioReader.read("seed", seedText());
        assertEquals("memory-leak-mayhem", s.id());
        assertEquals("session-cache", s.crm().leakingComponent());
        assertEquals(3, s.patches().size());
    }

    @Test
    void anUnknownFieldIsAnErrorWithItsPathAndLine() throws Exception {
        String text = seedText().replace("\"gc\": \"g1\",", "\"gc\": \"g1\",\n    \"heapSize\": 12,");
        ScenarioProblem p = onlyProblem(text);
        assertEquals("$.crm.heapSize", p.path());
        assertEquals(lineOf(text, "\"heapSize\""), p.line());
    }

    @Test
    void aWrongTypeNamesThePath() throws Exception {
        String text = seedText().replace("\"users\": 30", "\"users\": \"thirty\"");
        ScenarioProblem p = onlyProblem(text);
        assertEquals("$.traffic.users", p.path());
        assertEquals(lineOf(text, "\"thirty\""), p.line());
        assertTrue(p.message().contains("expected a number"), p.message());
    }

    @Test
    void aPatchForAComponentThatDoesNotExistIsRejected() throws Exception {
        String text = seedText().replace("\"component\": \"deals-repository\"", "\"component\": \"billing\"");
        ScenarioProblem p = onlyProblem(text);
        assertEquals("$.patches[2].component", p.path());
        assertTrue(p.message().contains("billing"));
    }

    @Test
    void anAlertOnAnUnknownMetricIsRejected() throws Exception {
        String text = seedText().replace("\"metric\": \"user_p95_ms\"", "\"metric\": \"user_p99_ms\"");
        ScenarioProblem p = onlyProblem(text);
        assertEquals("$.alerts[1].metric", p.path());
        assertEquals(lineOf(text, "user_p99_ms"), p.line());
    }

    @Test
    void brokenJsonReportsTheLineOfTheSyntaxError() throws Exception {
        String text = seedText().replace("\"heapMb\": 64,", "\"heapMb\": 64,,");
        ScenarioProblem p = onlyProblem(text);
        assertEquals(lineOf(text, ",,"), p.line());
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws Exception {
        String text = seedText().replace("\"users\": 30", "\"users\": -1").replace("\"difficulty\": \"medium\"",
                "\"difficulty\": \"brutal\"");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read("t", text));
        List<String> paths = e.problems().stream().map(ScenarioProblem::path).toList();
        assertTrue(paths.containsAll(List.of("$.traffic.users", "$.difficulty")), paths.toString());
    }
}
