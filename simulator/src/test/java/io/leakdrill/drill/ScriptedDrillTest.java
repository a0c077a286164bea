package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.LeakdrillRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole drills, headless at high speed against a real CRM, graded, and re-graded from the transcript. */
class ScriptedDrillTest {

    private static final Pattern SCORE = Pattern.compile("Score (\\d+) / 100");

    @TempDir
    Path dir;

    private static String main(String... args) {
        LeakdrillRun run = LeakdrillRun.of(args);
        assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
        return run.out();
    }

    private static int score(String output) {
        Matcher m = SCORE.matcher(output);
        assertTrue(m.find(), output);
        return Integer.parseInt(m.group(1));
    }

    private String play(String name, String script) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, script);
        return main("play", "--script", file.toString(), "--speed", "240", "--seed", "7", "--variant", "sessions", "--dir",
                dir.resolve(name).toString(), "--transcript", dir.resolve(name + ".jsonl").toString(),
                "--trainee", name);
    }

    // The self-test's own drill of the seed's reference solution, played once per test run.
    @Test
    void theReferenceSolutionScoresAsExpertAndGradesTheSameFromItsTranscript() throws Exception {
        String solution = Files.readString(Path.of(System.getProperty("leakdrill.scenarios"),
                "memory-leak-mayhem.sessions.solution.txt"));
        Path transcript = PlayedDrills.play("memory-leak-mayhem", "sessions", "expert", solution,
                ReferenceSolutionsTest.SPEED, ReferenceSolutionsTest.SEED);
        String output = Files.readString(PlayedDrills.output(transcript));
        int score = score(output);
        assertTrue(score >= 85, "expert score " + score + "\n" + output);
        assertTrue(output.contains("Incident resolved"), output);

        String card = output.substring(output.indexOf("Leak Drill scorecard"));
        String regraded = main("grade", transcript.toString());
        assertEquals(card, regraded, "`leakdrill grade` reproduces the drill's scorecard exactly");
        assertEquals(regraded, main("grade", transcript.toString()), "grading is deterministic");
        String json = main("grade", transcript.toString(), "--json");
        assertTrue(json.contains("\"total\": " + score), json);
    }

    @Test
    void restartingAndRaisingTheHeapScoresLow() throws Exception {
        String output = play("band-aid", "wait 2m\nrestart\ndeploy heap-512m\nwait 5m\nresolve\n");
        int score = score(output);
        assertTrue(score < 40, "band-aid score " + score + "\n" + output);
        assertTrue(output.contains("band-aid"), output);
        assertEquals(output.substring(output.indexOf("Leak Drill scorecard")),
                main("grade", dir.resolve("band-aid.jsonl").toString()));
    }

    @Test
    void unknownAndMalformedCommandsGetHelpfulLinesNotStackTraces() throws Exception {
        String output = play("typos", "heap hist\nhep histo\ndeploy\ndeploy nonsense\nack A9\nwait soon\n"
                + "heap histo\nheap histo\nheap diff NoSuchClass\nquit\n");
        assertTrue(output.contains("unknown sub-command 'hist'"), output);
        assertTrue(output.contains("did you mean `heap`?"), output);
        assertTrue(output.contains("usage: deploy PATCH"), output);
        assertTrue(output.contains("no patch 'nonsense'"), output);
        assertTrue(output.contains("no alert 'A9'"), output);
        assertTrue(output.contains("invalid duration 'soon'"), output);
        assertTrue(output.contains("no class in H2 has 'NoSuchClass' in its name"), output);
        assertTrue(!output.contains("Exception") && !output.contains("\tat "), output);
    }

    @Test
    void aHintCanBeTakenOnlyWhenItIsDueAndCostsItsPrice() throws Exception {
        String output = play("hinted", "hint\nwait 11m\nhint\nresolve\n");
        assertTrue(output.contains("No hint yet"), output);
        assertTrue(output.contains("Hint 1 of 3 (3 points): "), output);
        String card = output.substring(output.indexOf("Leak Drill scorecard"));
        assertTrue(card.contains("-3.0  hint 1 revealed") || card.matches("(?s).*-3(\\.0)?\\s+hint 1 revealed.*"), card);
    }
}
