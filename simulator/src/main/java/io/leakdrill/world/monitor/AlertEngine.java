package io.leakdrill.world.monitor;

import io.leakdrill.scenario.Scenario.AlertRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates threshold rules on each monitor sample: a rule fires once its condition has held for its duration in
 * incident time, and resolves on the first sample where it no longer holds. Pure: samples in, transitions out.
 */
public final class AlertEngine {

    /** A rule changing state on a sample. */
    public record Transition(Alert alert, boolean fired) {
    }

    private final List<AlertRule> rules;
    private final Map<String, Double> holdingSince = new HashMap<>();
    private final Map<String, Alert> firingByRule = new HashMap<>();
    private final List<Alert> all = new ArrayList<>();

    public AlertEngine(List<AlertRule> rules) {
        this.rules = rules;
    }

    public synchronized List<Transition> evaluate(Sample sample) {
        List<Transition> transitions = new ArrayList<>();
        for (AlertRule rule : rules) {
            double value = Metric.byId(rule.metric()).orElseThrow().valueIn(sample);
            boolean holds = value > rule.above();
            Alert firing = firingByRule.get(rule.id());
            if (holds) {
                double since = holdingSince.computeIfAbsent(rule.id(), k -> sample.atSeconds());
                if (firing == null && sample.atSeconds() - since >= rule.holdFor().toSeconds()) {
                    Alert alert = new Alert("A" + (all.size() + 1), rule, sample.atSeconds(), value);
                    all.add(alert);
                    firingByRule.put(rule.id(), alert);
                    transitions.add(new Transition(alert, true));
                }
            } else {
                holdingSince.remove(rule.id());
                if (firing != null) {
                    firing.resolve(sample.atSeconds());
                    firingByRule.remove(rule.id());
                    transitions.add(new Transition(firing, false));
                }
            }
        }
        return transitions;
    }

    public synchronized List<Alert> all() {
        return List.copyOf(all);
    }

    public synchronized List<Alert> firing() {
        return all.stream().filter(Alert::firing).toList();
    }

    public synchronized Optional<Alert> byId(String id) {
        return all.stream().filter(a -> a.id().equalsIgnoreCase(id)).findFirst();
    }
}
