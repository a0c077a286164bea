package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The postmortem's questions and what it records, with a conversation of typed lines and no drill behind it. */
class PostmortemTest {

    private static final List<String> QUESTIONS = List.of("Which alert would have warned you?",
            "What would have shown the leak in review?", "Should the CRM restart itself?");

    private final List<JsonObject> recorded = new ArrayList<>();
    private final List<String> screen = new ArrayList<>();

    /** Plays the lines as typed; after the last one, the input has ended. */
    private void answer(String... lines) {
        Deque<String> typed = new ArrayDeque<>(Arrays.asList(lines));
        new Postmortem(QUESTIONS, (type, fields) -> recorded.add(fields.add("type", type).build()))
                .run(new Postmortem.Conversation() {
                    @Override
                    public void say(String text) {
                        screen.add(text);
                    }

                    @Override
                    public Optional<String> ask(String prompt) {
                        String line = typed.poll();
                        screen.add(prompt + (line == null ? "^D" : line));
                        return Optional.ofNullable(line);
                    }
                });
    }

    private List<JsonObject> ofType(String type) {
        return recorded.stream().filter(e -> e.getString("type").equals(type)).toList();
    }

    private String shown() {
        return String.join("\n", screen);
    }

    @Test
    void everyAnswerActionItemAndTheAlertRuleIsRecordedWithItsFields() {
        answer("The heap floor above 0.8 for 10m.", "", " A static map with no eviction. ",
                "Alert on the heap floor", "Review every static collection", "",
                "old_gen_after_gc_ratio>0.85 for 5m");

        assertEquals(List.of("followup-answer", "followup-answer", "action-item", "action-item", "alert-proposal"),
                recorded.stream().map(e -> e.getString("type")).toList());
        List<JsonObject> answers = ofType("followup-answer");
        assertEquals(1, answers.get(0).getInt("question"));
        assertEquals("The heap floor above 0.8 for 10m.", answers.get(0).getString("text"));
        assertEquals(3, answers.get(1).getInt("question"), "the empty line skipped question 2");
        assertEquals("A static map with no eviction.", answers.get(1).getString("text"));
        assertEquals("Review every static collection", ofType("action-item").get(1).getString("text"));

        JsonObject alert = ofType("alert-proposal").get(0);
        assertEquals("old_gen_after_gc_ratio > 0.85", alert.getString("expr"));
        assertEquals("old_gen_after_gc_ratio", alert.getString("metric"));
        assertEquals(">", alert.getString("comparison"));
        assertEquals(0.85, alert.getJsonNumber("threshold").doubleValue());
        assertEquals(300.0, alert.getJsonNumber("forSeconds").doubleValue());
        assertEquals("5m", alert.getString("for"));

        String shown = shown();
        assertTrue(shown.contains("Question 1 of 3: Which alert would have warned you?"), shown);
        assertTrue(shown.contains("Question 3 of 3: Should the CRM restart itself?"), shown);
        assertTrue(shown.contains("Action items you propose, one per line (empty line to finish):"), shown);
        assertTrue(shown.contains(Postmortem.ALERT_QUESTION), shown);
        assertTrue(shown.contains("metaspace_ratio"), "the question lists the metrics:\n" + shown);
        assertTrue(shown.endsWith("Postmortem recorded: 2 answers, 2 action items, 1 alert rule."), shown);
    }

    @Test
    void anAlertRuleWithoutForHoldsAtOnceAndItsForIsEmpty() {
        answer("", "", "", "", "user_p95_ms >= 500");
        JsonObject alert = ofType("alert-proposal").get(0);
        assertEquals("user_p95_ms >= 500", alert.getString("expr"));
        assertEquals(0.0, alert.getJsonNumber("forSeconds").doubleValue());
        assertEquals("", alert.getString("for"));
    }

    @Test
    void aBadAlertRuleIsAskedAgainWithOneLineSayingWhatIsWrong() {
        answer("", "", "", "", "heap_floor > 0.8 for 5m", "old_gen_after_gc_ratio > 0.8 for", "rss_mb > 300 for 2h15m");

        String shown = shown();
        assertTrue(shown.contains("Not a rule: unknown metric 'heap_floor' (known: old_gen_after_gc_ratio, "),
                shown);
        assertTrue(shown.contains("Try again (2 tries left, empty line to skip)."), shown);
        assertTrue(shown.contains("Not a rule: `for` needs a duration after it, like `for 5m`. Try again (1 try"
                + " left"), shown);
        JsonObject alert = ofType("alert-proposal").get(0);
        assertEquals("rss_mb > 300", alert.getString("expr"));
        assertEquals(8100.0, alert.getJsonNumber("forSeconds").doubleValue());
        assertEquals("2h15m", alert.getString("for"));
    }

    @Test
    void afterThreeBadRulesNoneIsRecordedAndThePostmortemEnds() {
        answer("", "", "", "", "ratio > 0.8", "old_gen_after_gc_ratio > 1.5", "old_gen_after_gc_ratio > 0.8 for 5 min",
                "user_p95_ms > 500");

        String shown = shown();
        assertTrue(shown.contains("can never hold: old_gen_after_gc_ratio ranges over [0, 1]"), shown);
        assertTrue(shown.contains("Not a rule: invalid duration '5 min' (expected e.g. 90s, 5m, 1h30m). No alert"
                + " rule recorded."), shown);
        assertEquals(List.of(), ofType("alert-proposal"));
        assertTrue(shown.endsWith("Postmortem recorded: 0 answers, 0 action items, 0 alert rules."), shown);
    }

    @Test
    void theEndOfInputEndsThePostmortemAndKeepsWhatWasAnswered() {
        answer("A heap floor alert at 0.8.", "Static maps with no eviction.");

        assertEquals(2, ofType("followup-answer").size());
        String shown = shown();
        assertTrue(shown.contains("Question 3 of 3"), shown);
        assertFalse(shown.contains("Action items"), "nothing is asked after the input ended:\n" + shown);
        assertTrue(shown.endsWith("Postmortem ended early; recorded: 2 answers, 0 action items, 0 alert rules."),
                shown);
    }

    @Test
    void actionItemsStopAtTenAndTheAlertQuestionFollows() {
        List<String> lines = new ArrayList<>(List.of("", "", ""));
        for (int i = 1; i <= 12; i++) {
            lines.add("action " + i);
        }
        answer(lines.toArray(String[]::new));

        assertEquals(Postmortem.MAX_ACTION_ITEMS, ofType("action-item").size());
        String shown = shown();
        assertTrue(shown.contains("That makes 10 action items, as many as the postmortem records."), shown);
        assertTrue(shown.contains("alert> action 11"), "the next line goes to the alert question:\n" + shown);
    }

    @Test
    void onlyAResolvedDrillWithFollowUpQuestionsHasAPostmortem() {
        assertTrue(Postmortem.due("resolve", QUESTIONS));
        assertFalse(Postmortem.due("quit", QUESTIONS));
        assertFalse(Postmortem.due("script-end", QUESTIONS));
        assertFalse(Postmortem.due("resolve", List.of()));
    }
}
