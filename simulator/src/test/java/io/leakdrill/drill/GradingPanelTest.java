package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.grader.Finding;
import io.leakdrill.grader.Grader;
import io.leakdrill.grader.Scorecard;
import io.leakdrill.grader.ScorecardText;
import io.leakdrill.grader.Transcript;
import io.leakdrill.testing.LeakdrillRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grader's validity: a panel of scripted trainees plays real drills of the seed scenario, and the scores must
 * rank them expert, the seed's own team, band-aider, blamer, random typist, with clear gaps, on every variant; every
 * point awarded cites the events that earned it.
 */
class GradingPanelTest {

    private static final Path SCENARIOS = Path.of(System.getProperty("leakdrill.scenarios"));
    private static final String SCENARIO = "memory-leak-mayhem";
    private static final int SPEED = 180;
    private static final long SEED = 11;
    // Smaller gaps would be noise: one late sample can move a timed award by a point or two.
    private static final int GAP = 5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sessions, UserSession, session-cache, session-cache-eviction",
        "reports, CachedReport, report-cache, report-cache-expiry"})
    void thePanelRanksInOrderWithClearGaps(String variant, String rootsClass, String component, String fix)
            throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("expert", Files.readString(SCENARIOS.resolve(SCENARIO + "." + variant + ".solution.txt")));
        for (String member : List.of("seed-path", "band-aider", "blamer")) {
            scripts.put(member, resource(member).replace("${ROOTS}", rootsClass).replace("${COMPONENT}", component)
                    .replace("${FIX}", fix));
        }
        scripts.put("random-typist", randomTypist(new Random(SEED)));

        List<Scorecard> cards = new ArrayList<>();
        for (Map.Entry<String, String> member : scripts.entrySet()) {
            cards.add(play(variant, member.getKey(), member.getValue()));
        }

        String board = cards.stream().map(c -> c.trainee() + " " + c.total()).collect(Collectors.joining(", "));
        String all = cards.stream().map(ScorecardText::render).collect(Collectors.joining("\n"));
        for (int i = 1; i < cards.size(); i++) {
            int gap = cards.get(i - 1).total() - cards.get(i).total();
            assertTrue(gap >= GAP, "ranked with a gap of at least " + GAP + ": " + board + "\n" + all);
        }
        for (Scorecard card : cards) {
            List<Finding> uncited = card.categories().stream().flatMap(c -> c.findings().stream())
                    .filter(f -> f.points() > 0 && f.events().isEmpty()
                            && !f.reason().contains("nothing to acknowledge"))
                    .toList();
            assertEquals(List.of(), uncited, card.trainee() + ": every point cites its events");
            assertFalse(card.penalties().stream().anyMatch(p -> p.events().isEmpty()),
                    card.trainee() + ": every penalty cites its event");
        }
    }

    private Scorecard play(String variant, String trainee, String script) throws Exception {
        String name = trainee + "-" + variant;
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, script);
        Path transcript = dir.resolve(name + ".jsonl");
        LeakdrillRun run = LeakdrillRun.of("play", SCENARIOS.resolve(SCENARIO + ".json").toString(),
                "--script", file.toString(), "--speed", Integer.toString(SPEED), "--seed", Long.toString(SEED),
                "--variant", variant, "--dir", dir.resolve(name).toString(), "--transcript", transcript.toString(),
                "--trainee", trainee);
        assertEquals(0, run.exitCode(), () -> trainee + " exit code; stderr: " + run.err());
        try (Reader reader = Files.newBufferedReader(transcript)) {
            return Grader.grade(Transcript.parse(reader));
        }
    }

    private static String resource(String member) throws IOException {
        try (InputStream in = GradingPanelTest.class.getResourceAsStream("/panel/" + member + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Someone mashing the keyboard: gibberish and bare command words, a minute's wait now and then, no resolve. */
    static String randomTypist(Random random) {
        String[] words = {"status", "gc", "help", "alerts", "users", "top", "timeline", "logs", "heap", "db", "net",
            "diagnose", "update", "wait 1m"};
        StringBuilder script = new StringBuilder();
        for (int line = 0; line < 30; line++) {
            if (random.nextInt(3) == 0) {
                script.append(words[random.nextInt(words.length)]);
            } else {
                for (int c = 0, n = 3 + random.nextInt(8); c < n; c++) {
                    script.append((char) ('a' + random.nextInt(26)));
                }
            }
            script.append('\n');
        }
        return script.toString();
    }
}
