package io.leakdrill.console;

import io.leakdrill.world.monitor.Metric;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The short postmortem after `resolve`: the scenario's follow-up questions, the trainee's action items and an alert
 * rule they propose. Each answer goes to the transcript as soon as it is given, so ending early loses nothing said.
 */
public final class Postmortem {

    /** Where the postmortem talks with the trainee: a terminal, or the rest of a script. */
    public interface Conversation {

        void say(String text);

        /** Shows the prompt and returns the next line; empty once the input has ended (a script's end, Ctrl-D, Ctrl-C). */
        Optional<String> ask(String prompt);
    }

    /** Where the answers are recorded: the drill's transcript. */
    @FunctionalInterface
    public interface Record {
        void write(String type, JsonObjectBuilder fields);
    }

    /** Enough for a postmortem's action list; a longer one belongs in the review meeting. */
    static final int MAX_ACTION_ITEMS = 10;
    static final int ALERT_TRIES = 3;
    static final String ALERT_QUESTION = "An alert rule that would have warned before users were hurt, as METRIC OP"
            + " NUMBER [for DURATION], e.g. old_gen_after_gc_ratio > 0.8 for 5m (empty line to skip)";
    private static final int WIDTH = 100;

    private final List<String> questions;
    private final Record record;
    private int answers;
    private int actionItems;
    private int alertRules;

    public Postmortem(List<String> questions, Record record) {
        this.questions = List.copyOf(questions);
        this.record = record;
    }

    /** A drill that ended this way gets a postmortem: a resolve, in a scenario that asks follow-up questions. */
    public static boolean due(String endReason, List<String> questions) {
        return "resolve".equals(endReason) && !questions.isEmpty();
    }

    /** Asks everything in turn; the end of input stops it where it is. */
    public void run(Conversation talk) {
        talk.say("");
        talk.say("== Postmortem ==");
        TextWrap.hanging("A few questions for the record: your answers go into the transcript and the debrief."
                + " An empty line skips a question; the end of input (Ctrl-D) ends the postmortem and keeps what you"
                + " wrote.", "", "", WIDTH).forEach(talk::say);
        boolean finished = questions(talk) && actionItems(talk) && alertRule(talk);
        talk.say((finished ? "Postmortem recorded: " : "Postmortem ended early; recorded: ") + tally() + ".");
    }

    private boolean questions(Conversation talk) {
        for (int i = 0; i < questions.size(); i++) {
            talk.say("Question " + (i + 1) + " of " + questions.size() + ": " + questions.get(i));
            Optional<String> answer = talk.ask("answer> ");
            if (answer.isEmpty()) {
                return false;
            }
            if (!answer.get().isBlank()) {
                record.write("followup-answer", Json.createObjectBuilder().add("question", i + 1)
                        .add("text", answer.get().strip()));
                answers++;
            }
        }
        return true;
    }

    private boolean actionItems(Conversation talk) {
        talk.say("Action items you propose, one per line (empty line to finish):");
        while (actionItems < MAX_ACTION_ITEMS) {
            Optional<String> item = talk.ask("action> ");
            if (item.isEmpty()) {
                return false;
            }
            if (item.get().isBlank()) {
                return true;
            }
            record.write("action-item", Json.createObjectBuilder().add("text", item.get().strip()));
            actionItems++;
        }
        talk.say("That makes " + MAX_ACTION_ITEMS + " action items, as many as the postmortem records.");
        return true;
    }

    private boolean alertRule(Conversation talk) {
        talk.say(ALERT_QUESTION);
        TextWrap.hanging(Metric.names(), "Metrics: ", "         ", WIDTH).forEach(talk::say);
        for (int tries = 1; tries <= ALERT_TRIES; tries++) {
            Optional<String> line = talk.ask("alert> ");
            if (line.isEmpty()) {
                return false;
            }
            if (line.get().isBlank()) {
                return true;
            }
            ProposedAlert alert;
            try {
                alert = ProposedAlert.parse(line.get());
            } catch (IllegalArgumentException e) {
                int left = ALERT_TRIES - tries;
                talk.say("Not a rule: " + e.getMessage() + (left == 0 ? ". No alert rule recorded."
                        : ". Try again (" + left + (left == 1 ? " try" : " tries") + " left, empty line to skip)."));
                continue;
            }
            record.write("alert-proposal", Json.createObjectBuilder().add("expr", alert.condition().toString())
                    .add("metric", alert.condition().metric().id())
                    .add("comparison", alert.condition().comparison().symbol())
                    .add("threshold", alert.condition().threshold())
                    .add("forSeconds", alert.holdFor().toMillis() / 1000.0)
                    .add("for", alert.forText()));
            alertRules++;
            talk.say("Recorded: alert when " + alert + ".");
            return true;
        }
        return true;
    }

    private String tally() {
        return count(answers, "answer") + ", " + count(actionItems, "action item") + ", "
                + count(alertRules, "alert rule");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
