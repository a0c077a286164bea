package io.leakdrill.grader;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Follow-up, from the postmortem after {@code resolve}: the scenario's questions answered (40%), action items proposed
 * (20%), and an alert rule that, replayed against the drill's recorded samples, would have fired before users were
 * hurt and is quiet once the fix is in (40%).
 */
final class FollowUpRule implements CategoryRule {

    private static final double ANSWERS_SHARE = 0.4;
    private static final double ACTIONS_SHARE = 0.2;
    private static final double ALERT_SHARE = 0.4;
    // Fewer words than this is a shrug, not an answer or an action a team could pick up.
    private static final int ANSWER_WORDS = 5;
    private static final int ACTION_WORDS = 3;
    private static final int ACTIONS_WANTED = 2;

    @Override
    public String category() {
        return "followUp";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        int questions = drill.followUp().size();
        if (questions == 0) {
            // Nothing to answer: the other two parts share its points.
            double rest = weight / (ACTIONS_SHARE + ALERT_SHARE);
            return List.of(actions(drill, rest * ACTIONS_SHARE), alert(drill, rest * ALERT_SHARE));
        }
        return List.of(answers(drill, questions, weight * ANSWERS_SHARE), actions(drill, weight * ACTIONS_SHARE),
                alert(drill, weight * ALERT_SHARE));
    }

    private static Finding answers(Drill drill, int questions, double share) {
        Set<Integer> answered = new TreeSet<>();
        List<Event> cited = drill.log().ofType("followup-answer").stream().filter(e -> {
            int question = (int) e.number("question", 0);
            return question >= 1 && question <= questions && words(e.text("text")) >= ANSWER_WORDS
                    && answered.add(question);
        }).toList();
        if (cited.isEmpty()) {
            return Finding.of(0, "answered none of the " + questions + " follow-up questions");
        }
        return Finding.of(share * answered.size() / questions, "answered " + answered.size() + " of " + questions
                + " follow-up questions", cited.toArray(Event[]::new));
    }

    private static Finding actions(Drill drill, double share) {
        List<Event> items = drill.log().ofType("action-item").stream()
                .filter(e -> words(e.text("text")) >= ACTION_WORDS).toList();
        if (items.isEmpty()) {
            return Finding.of(0, "proposed no action items");
        }
        int counted = Math.min(items.size(), ACTIONS_WANTED);
        return Finding.of(share * counted / ACTIONS_WANTED, "proposed " + items.size() + " action item"
                + (items.size() == 1 ? "" : "s"), items.toArray(Event[]::new));
    }

    private static Finding alert(Drill drill, double share) {
        Optional<Event> proposal = drill.log().first("alert-proposal");
        if (proposal.isEmpty()) {
            return Finding.of(0, "proposed no alert rule");
        }
        Event proposed = proposal.get();
        String rule = proposed.text("expr") + (proposed.number("forSeconds", 0) > 0
                ? " for " + Decimals.elapsed(proposed.number("forSeconds", 0)) : "");
        Optional<AlertReplay> replay = AlertReplay.of(proposed);
        if (replay.isEmpty()) {
            return Finding.of(0, "the alert rule " + rule + " watches a metric the monitor does not record",
                    proposed);
        }
        List<Event> samples = drill.log().ofType("sample");
        Optional<Event> fired = replay.get().firstFiring(samples);
        if (fired.isEmpty()) {
            return Finding.of(0, "the alert rule " + rule + " would never have fired in this drill", proposed);
        }
        Optional<Event> hurt = Recovery.of(drill).breach();
        Optional<Event> quietCheck = afterFix(drill, samples);
        boolean noisy = quietCheck.filter(replay.get()::holds).isPresent();
        String noise = noisy ? "; it still holds after the fix, so it would page on a healthy CRM (half)" : "";
        double factor = noisy ? 0.5 : 1;
        if (hurt.isPresent() && !fired.get().before(hurt.get())) {
            return Finding.of(share * factor / 4, "the alert rule " + rule + " would have fired only at "
                    + fired.get().clock() + ", after users were hurt at " + hurt.get().clock() + " (a quarter)"
                    + noise, proposed, hurt.get(), fired.get());
        }
        String when = hurt.map(h -> ", before users were hurt at " + h.clock())
                .orElse(" (users were never hurt)");
        return Finding.of(share * factor, "the alert rule " + rule + " would have fired at "
                + fired.get().clock() + when + noise, proposed, fired.get());
    }

    /** The last sample, when the fix had been deployed before it: a CRM the rule should find healthy. */
    private static Optional<Event> afterFix(Drill drill, List<Event> samples) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        Event last = samples.get(samples.size() - 1);
        return drill.fixDeploy().filter(fix -> fix.before(last)).map(fix -> last);
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
