package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Diagnosis: naming the leaking component, backed by a heap histogram, without blaming others first. */
final class DiagnosisRule implements CategoryRule {

    private static final double GUESS_SHARE = 1.0 / 3;
    private static final double WRONG_SHARE = 1.0 / 5;

    @Override
    public String category() {
        return "diagnosis";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        AnswerKey key = drill.key();
        List<Event> diagnoses = drill.log().ofType("diagnose");
        Optional<Event> correct = diagnoses.stream()
                .filter(e -> key.isLeakingComponent(e.text("component"))).findFirst();
        if (correct.isEmpty()) {
            List<Event> wrong = diagnoses;
            String reason = wrong.isEmpty() ? "never named the leaking component"
                    : "never named the leaking component; named " + components(wrong) + " instead";
            return List.of(new Finding(0, reason, Event.refs(wrong.toArray(Event[]::new))));
        }
        Event right = correct.get();
        String component = right.text("component");
        List<Finding> findings = new ArrayList<>();
        Optional<Event> histogram = drill.log().first(e -> e.before(right) && e.is("evidence")
                && ("histogram-diff".equals(e.text("kind")) || "histogram".equals(e.text("kind"))));
        double points;
        if (histogram.isPresent()) {
            points = weight;
            findings.add(Finding.of(points, "named " + component + " after reading a heap "
                    + histogram.get().text("kind"), histogram.get(), right));
        } else {
            points = weight * GUESS_SHARE;
            findings.add(Finding.of(points, "named " + component
                    + " with no histogram first: a guess (a third)", right));
        }
        for (Event wrong : diagnoses) {
            if (!wrong.before(right)) {
                break;
            }
            // Each wrong call is charged only what is left, so the category never goes below zero.
            double cost = Math.min(points, weight * WRONG_SHARE);
            points -= cost;
            findings.add(Finding.of(-cost, "first blamed " + wrong.text("component")
                    + (cost < weight * WRONG_SHARE ? " (charge capped at zero)" : ""), wrong));
        }
        return findings;
    }

    private static String components(List<Event> diagnoses) {
        return String.join(", ", diagnoses.stream().map(e -> e.text("component")).distinct().toList());
    }
}
