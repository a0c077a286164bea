package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.grader.Finding;
import io.leakdrill.grader.Grader;
import io.leakdrill.grader.Scorecard;
import io.leakdrill.grader.ScorecardText;
import io.leakdrill.grader.Transcript;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grader's validity: a panel of scripted trainees plays real drills, and the scores must rank them expert, the
 * seed's own team (in the seed scenario, whose incident it followed), band-aider, blamer, random typist, with clear
 * gaps, on every variant of the seed and two other scenarios; every point awarded cites the events that earned it.
 */
class GradingPanelTest {

    private static final Path SCENARIOS = Path.of(System.getProperty("leakdrill.scenarios"));
    private static final String DEFAULT_SCENARIO = "memory-leak-mayhem";
    // The self-test's speed and seed, so the panel's expert is the very drill the self-test plays. Another seed
    // (-Dleakdrill.panel.seed=12) plays the panel on other data and users' behaviour, to see the ranking hold.
    private static final int SPEED = ReferenceSolutionsTest.SPEED;
    private static final long SEED = Long.getLong("leakdrill.panel.seed", ReferenceSolutionsTest.SEED);
    // Smaller gaps would be noise: one late sample can move a timed award by a point or two.
    private static final int GAP = 5;

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"memory-leak-mayhem, sessions", "memory-leak-mayhem, reports", "quarter-end-reports, exports",
        "quarter-end-reports, logins", "bulk-import-friday, edge", "bulk-import-friday, locks"})
    void thePanelRanksInOrderWithClearGaps(String scenarioId, String variantId) throws Exception {
        Scenario scenario = ScenarioCatalog.in(SCENARIOS).load(scenarioId);
        Scenario.Variant variant = scenario.variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
                .orElseThrow();
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("expert", Files.readString(SCENARIOS.resolve(scenarioId + "." + variantId + ".solution.txt")));
        List<String> members = scenarioId.equals(DEFAULT_SCENARIO) ? List.of("seed-path", "band-aider", "blamer")
                : List.of("band-aider", "blamer");
        for (String member : members) {
            scripts.put(member, resource(member)
                    .replace("${COMPONENT}", variant.leakingComponent()).replace("${FIX}", variant.fix())
                    .replace("${BIGGER_HEAP}", Integer.toString(scenario.crm().heapMb() * 3 / 2)));
        }
        scripts.put("random-typist", randomTypist(new Random(SEED)));

        List<Scorecard> cards = new ArrayList<>();
        for (Map.Entry<String, String> member : scripts.entrySet()) {
            cards.add(play(scenarioId, variantId, member.getKey(), member.getValue()));
        }

        String board = cards.stream().map(c -> c.trainee() + " " + c.total()).collect(Collectors.joining(", "));
        String all = cards.stream().map(ScorecardText::render).collect(Collectors.joining("\n"));
        for (int i = 1; i < cards.size(); i++) {
            int gap = cards.get(i - 1).total() - cards.get(i).total();
            assertTrue(gap >= GAP, "ranked with a gap of at least " + GAP + ": " + board + "\n" + all);
        }
        for (Scorecard card : cards) {
            List<Finding> uncited = card.categories().stream().flatMap(c -> c.findings().stream())
                    .filter(f -> f.points() > 0 && f.events().isEmpty()).toList();
            assertEquals(List.of(), uncited, card.trainee() + ": every point cites its events");
            assertFalse(card.penalties().stream().anyMatch(p -> p.events().isEmpty()),
                    card.trainee() + ": every penalty cites its event");
        }
    }

    private static Scorecard play(String scenario, String variant, String trainee, String script) throws Exception {
        Path transcript = PlayedDrills.play(scenario, variant, trainee, script, SPEED, SEED);
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
