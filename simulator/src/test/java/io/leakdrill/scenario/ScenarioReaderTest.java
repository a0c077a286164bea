package io.leakdrill.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioReaderTest {

    static String seedText() throws Exception {
        return Files.readString(Path.of(System.getProperty("leakdrill.scenarios"), "memory-leak-mayhem.json"));
    }

    private static ScenarioProblem onlyProblem(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read("memory-leak-mayhem.json", text));
        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        return e.problems().get(0);
    }

    private static long lineOf(String text, String needle) {
        int index = text.indexOf(needle);
        assertTrue(index >= 0, needle);
        return text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theSeedScenarioIsValidAndKeepsItsAnswerInVariants() throws Exception {
        Scenario s = ScenarioReader.read("seed", seedText());
        assertEquals("memory-leak-mayhem", s.id());
        assertEquals(Set.of("session-cache", "report-cache"),
                s.variants().stream().map(Scenario.Variant::leakingComponent).collect(Collectors.toSet()));
        assertEquals(4, s.patches().size());
        assertEquals("old_gen_after_gc_ratio > 0.7", s.alerts().get(0).condition().toString());
    }

    @Test
    void theSameSeedPicksTheSameVariantAndSeedsReachEveryVariant() throws Exception {
        Scenario s = ScenarioReader.read("seed", seedText());
        assertEquals(s.variantFor(42), s.variantFor(42));
        Set<String> picked = LongStream.range(0, 50).mapToObj(s::variantFor).map(Scenario.Variant::id)
                .collect(Collectors.toSet());
        assertEquals(Set.of("sessions", "reports"), picked);
    }

    /**
     * Each row breaks the seed scenario in one way (replace FROM by TO) and names the JSON path that must be
     * reported, and text on the line it must point at.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown field          | "gc": "g1",                      | "gc": "g1", "heapSize": 12,          | $.crm.heapSize                | heapSize
        wrong type             | "users": 30                      | "users": "thirty"                    | $.traffic.users               | thirty
        fractional count       | "users": 30                      | "users": 30.5                        | $.traffic.users               | 30.5
        zero-length incident   | "duration": "90m"                | "duration": "0m"                     | $.clock.duration              | "0m"
        bad duration           | "exhaustedAt": "80m"             | "exhaustedAt": "eighty"              | $.leak.exhaustedAt            | eighty
        unknown component      | "report-cache"]                  | "report-cache", "billing"]           | $.crm.components[3]           | billing
        patch on unknown part  | "component": "deals-repository"  | "component": "billing"               | $.patches[3].component        | billing
        unknown version        | "version": "indexed"             | "version": "turbo"                   | $.patches[3].version          | turbo
        rule on unknown metric | "expr": "user_p95_ms > 500"      | "expr": "user_p99_ms > 500"          | $.alerts[1].expr              | user_p99_ms
        malformed rule         | "expr": "user_p95_ms > 500"      | "expr": "user_p95_ms is high"        | $.alerts[1].expr              | is high
        impossible condition   | "expr": "error_ratio > 0.05"     | "expr": "error_ratio > 1.5"          | $.alerts[2].expr              | 1.5
        duplicate rule id      | "id": "crm-latency"              | "id": "crm-heap-high"                | $.alerts[1].id                | "crm-heap-high", "expr": "user
        duplicate event id     | "id": "vp-sales"                 | "id": "dba-suspect"                  | $.timeline[2].id              | "dba-suspect", "at": "25m"
        event with no trigger  | "id": "vp-sales", "at": "25m",   | "id": "vp-sales",                    | $.timeline[2]                 | "vp-sales"
        hold on a timed event  | "id": "vp-sales", "at": "25m",   | "id": "vp-sales", "at": "25m", "for": "1m", | $.timeline[2].for      | "25m", "for"
        unknown story kind     | "kind": "ticket"                 | "kind": "email"                      | $.timeline[0].kind            | email
        unknown decoy kind     | "kind": "edge-reset"             | "kind": "edge-fire"                  | $.decoys[1].kind              | edge-fire
        decoy param range      | "probability": 0.03              | "probability": 3                     | $.decoys[1].probability       | "probability": 3
        decoy missing param    | , "factor": 1.3                  | ''                                   | $.decoys[2]                   | quarter-push
        decoy zero window      | "lasts": "4m"                    | "lasts": "0s"                        | $.decoys[1].lasts             | "0s"
        variant leaks sound    | "leakingComponent": "report-cache" | "leakingComponent": "deals-repository" | $.variants[1].leakingComponent | "deals-repository", "fix"
        variant wrong fix      | "fix": "report-cache-expiry"     | "fix": "heap-512m"                   | $.variants[1].fix             | "heap-512m", "decoys"
        variant unknown decoy  | "decoys": ["bi-report", "edge-blip", "quarter-push"]}, | "decoys": ["bi-report", "dns"]}, | $.variants[0].decoys[1] | "dns"
        id unlike file name    | "id": "memory-leak-mayhem"       | "id": "memory-leak-madness"          | $.id                          | madness
        event after the end    | "at": "55m"                      | "at": "95m"                          | $.timeline[5].at              | 95m
        slow after time-out    | "slowMs": 500                    | "slowMs": 5000                       | $.traffic.slowMs              | 5000
        fix deploys the leak   | "version": "expiring"            | "version": "original"                | $.variants[1].fix             | "report-cache-expiry", "decoys"
        fractional decoy param | "pauseMs": 500                   | "pauseMs": 500.5                     | $.decoys[0].pauseMs           | 500.5
        unknown rubric weight  | "communication": 10              | "communication": 10, "charm": 5      | $.rubric.weights.charm        | charm
        unknown original time  | "resolve": "85m"},                | "resolve": "85m", "lunch": "5m"},    | $.rubric.original.lunch       | lunch
        """)
    void aBrokenScenarioIsRejectedWithThePathAndLine(String what, String from, String to, String path, String needle)
            throws Exception {
        String seed = seedText();
        assertTrue(seed.contains(from), () -> "the seed no longer contains " + from);
        String text = seed.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        ScenarioProblem p = onlyProblem(text);
        assertEquals(path, p.path(), p::toString);
        assertEquals(lineOf(text, needle), p.line(), p::toString);
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
