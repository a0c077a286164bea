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
    private final Map<String, ConditionWatch> watches = new HashMap<>();
    private final Map<String, Alert> firingByRule = new HashMap<>();
    private final List<Alert> all = new ArrayList<>();

    public AlertEngine(List<AlertRule> rules) {
        this.rules = rules;
        rules.forEach(r -> watches.put(r.id(), new ConditionWatch(r.condition(), r.holdFor())));
    }

    public synchronized List<Transition> evaluate(Sample sample) {
        List<Transition> transitions = new ArrayList<>();
        for (AlertRule rule : rules) {
            double value = rule.condition().valueIn(sample);
            boolean held = watches.get(rule.id()).update(sample);
            Alert firing = firingByRule.get(rule.id());
            if (held && firing == null) {
                Alert alert = new Alert("A" + (all.size() + 1), rule, sample.atSeconds(), value);
                all.add(alert);
                firingByRule.put(rule.id(), alert);
                transitions.add(new Transition(alert, true));
            } else if (firing != null && !rule.condition().holds(sample)) {
                firing.resolve(sample.atSeconds());
                firingByRule.remove(rule.id());
                transitions.add(new Transition(firing, false));
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
