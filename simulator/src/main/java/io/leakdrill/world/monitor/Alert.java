package io.leakdrill.world.monitor;

import io.leakdrill.scenario.Scenario.AlertRule;

/** One firing (or resolved) instance of an alert rule, with the id the trainee acknowledges it by. */
public final class Alert {

    private final String id;
    private final AlertRule rule;
    private final double firedAtSeconds;
    private final double value;
    private volatile boolean acknowledged;
    private volatile Double resolvedAtSeconds;

    Alert(String id, AlertRule rule, double firedAtSeconds, double value) {
        this.id = id;
        this.rule = rule;
        this.firedAtSeconds = firedAtSeconds;
        this.value = value;
    }

    public String id() {
        return id;
    }

    public AlertRule rule() {
        return rule;
    }

    public double firedAtSeconds() {
        return firedAtSeconds;
    }

    public double value() {
        return value;
    }

    public boolean acknowledged() {
        return acknowledged;
    }

    public void acknowledge() {
        acknowledged = true;
    }

    public boolean firing() {
        return resolvedAtSeconds == null;
    }

    void resolve(double atSeconds) {
        resolvedAtSeconds = atSeconds;
    }
}
