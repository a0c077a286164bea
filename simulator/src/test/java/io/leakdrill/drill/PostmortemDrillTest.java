package io.leakdrill.drill;

import static io.leakdrill.drill.PlayedTranscript.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.LeakdrillRun;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postmortem after `resolve`, played headless from a script against a real drill: the lines after `resolve`
 * answer it, every answer is in the transcript at the incident's end, and the drill is still graded.
 */
class PostmortemDrillTest {

    @TempDir
    Path dir;

    private LeakdrillRun play(String name, String script) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, script);
        LeakdrillRun run = LeakdrillRun.of("play", "--script", file.toString(), "--speed", "120", "--seed", "7",
                "--variant", "sessions", "--dir", dir.resolve(name).toString(), "--transcript",
                dir.resolve(name + ".jsonl").toString(), "--trainee", name);
        assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
        return run;
    }

    @Test
    void theLinesAfterResolveAnswerThePostmortemAndLandInTheTranscriptAtTheEnd() throws Exception {
        String output = play("answered", """
                wait 1m
                resolve
                An alert on old_gen_after_gc_ratio above 0.8 for 10 minutes.
                # a comment stays a comment

                No: a restart every night would hide the leak and throw its evidence away.
                Alert on the heap floor before users feel it
                Review every static collection for an eviction policy

                heap_floor > 0.8 for 5m
                old_gen_after_gc_ratio > 0.8 for 5m
                """).out();

        assertTrue(output.contains("Incident resolved at"), output);
        assertFalse(output.contains("think about"), "the questions are asked now, not listed:\n" + output);
        assertTrue(output.contains("Question 1 of 3: Which alert would have told you about this leak a week"
                + " earlier, and at what threshold?\nanswer> An alert on old_gen_after_gc_ratio above 0.8"), output);
        assertTrue(output.contains("Question 2 of 3: What would have shown the leak in code review?\nanswer>\n"),
                output);
        assertTrue(output.contains("alert> heap_floor > 0.8 for 5m\nNot a rule: unknown metric 'heap_floor' (known: "),
                output);
        assertTrue(output.contains("Recorded: alert when old_gen_after_gc_ratio > 0.8 for 5m."), output);
        int scorecard = output.indexOf("Leak Drill scorecard");
        assertTrue(scorecard > output.indexOf("Postmortem recorded: 2 answers, 2 action items, 1 alert rule."),
                output);

        PlayedTranscript played = PlayedTranscript.read(dir.resolve("answered.jsonl"));
        JsonObject end = played.ofType("end").findFirst().orElseThrow();
        assertEquals("resolve", end.getString("reason"));
        List<JsonObject> after = played.events().subList(played.events().indexOf(end) + 1, played.events().size());
        assertEquals(List.of("followup-answer", "followup-answer", "action-item", "action-item", "alert-proposal"),
                after.stream().map(e -> e.getString("type")).toList(),
                "only the answers follow the end: the world has stopped");
        assertTrue(after.stream().allMatch(e -> at(e) == at(end)), "the clock stopped at the end: " + after);
        assertEquals(List.of(1, 3), after.stream().filter(e -> e.getString("type").equals("followup-answer"))
                .map(e -> e.getInt("question")).toList());
        JsonObject alert = after.get(4);
        assertEquals("old_gen_after_gc_ratio > 0.8", alert.getString("expr"));
        assertEquals(300.0, alert.getJsonNumber("forSeconds").doubleValue());
        assertEquals("5m", alert.getString("for"));
        assertTrue(played.samples().allMatch(s -> s.containsKey("requestsPerSecond")),
                "every sample has what requests_per_second reads");

        assertEquals(output.substring(scorecard), LeakdrillRun.of("grade", dir.resolve("answered.jsonl").toString())
                .out(), "the answers after the end do not change the grade a re-grade gives");
        assertTrue(Files.exists(dir.resolve("answered.debrief.md")), "the debrief is written after the postmortem");
    }

    @Test
    void theScriptsEndInThePostmortemKeepsWhatWasAnsweredAndStillGrades() throws Exception {
        String output = play("cut-short", "resolve\nA heap floor alert at 0.8 for 10m.\n").out();

        assertTrue(output.contains("Postmortem ended early; recorded: 1 answer, 0 action items, 0 alert rules."),
                output);
        assertTrue(output.contains("Leak Drill scorecard"), output);
        PlayedTranscript played = PlayedTranscript.read(dir.resolve("cut-short.jsonl"));
        assertEquals(List.of("A heap floor alert at 0.8 for 10m."), played.ofType("followup-answer")
                .map(e -> e.getString("text")).toList());
    }

    @Test
    void quitEndsTheDrillWithoutAPostmortem() throws Exception {
        String output = play("quitter", "quit\nThis line is never read as an answer.\n").out();

        assertTrue(output.contains("Drill abandoned at"), output);
        assertFalse(output.contains("Postmortem"), output);
        assertTrue(output.contains("Leak Drill scorecard"), output);
        PlayedTranscript played = PlayedTranscript.read(dir.resolve("quitter.jsonl"));
        assertEquals("quit", played.ofType("end").findFirst().orElseThrow().getString("reason"));
        assertTrue(played.ofType("followup-answer").findAny().isEmpty());
    }
}
