package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.drill.AutoRestart;
import io.leakdrill.world.monitor.Condition;
import io.leakdrill.world.monitor.Metric;
import jakarta.json.Json;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the restart watchdog on or off: the postmortem's safety net, which restarts the CRM whenever a rule on the
 * monitor's samples holds. It keeps users served and hides the leak; the transcript marks every restart it makes.
 */
public final class AutorestartCommand implements Command {

    private static final String ON = "on";
    private static final String OFF = "off";
    private static final String WHEN = "--when";

    @Override
    public String name() {
        return "autorestart";
    }

    @Override
    public String summary() {
        return "a watchdog that restarts the CRM whenever a rule holds (default " + AutoRestart.DEFAULT_RULE
                + "); a band-aid";
    }

    @Override
    public String usage() {
        return "autorestart [on|off] [--when RULE]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.ACTIONS;
    }

    @Override
    public String example() {
        return "autorestart on --when old_gen_after_gc_ratio > 0.85";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        if (typed.isEmpty()) {
            return List.of(ON, OFF);
        }
        if (typed.size() == 1 && typed.get(0).equals(ON)) {
            return List.of(WHEN);
        }
        if (typed.size() == 2 && typed.get(1).equals(WHEN)) {
            return Arrays.stream(Metric.values()).map(Metric::id).toList();
        }
        return List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        AutoRestart watchdog = session.drill().autoRestart();
        if (args.isEmpty()) {
            return Result.ok(watchdog.rule().map(r -> "Autorestart is on: the CRM restarts when " + r
                    + " holds, at most once every " + AutoRestart.MIN_GAP.toMinutes() + " incident minutes.")
                    .orElse("Autorestart is off."));
        }
        String state = Choices.pick(args.get(0), List.of(ON, OFF), "state", "states");
        if (state.equals(OFF)) {
            if (args.size() > 1) {
                throw new UsageException("autorestart off takes nothing more");
            }
            if (watchdog.rule().isEmpty()) {
                return Result.ok("Autorestart is already off.");
            }
            watchdog.off();
            session.record("autorestart", Json.createObjectBuilder().add("state", OFF));
            return Result.ok("Autorestart is off: nothing restarts the CRM behind your back now.");
        }
        Condition rule = rule(args.subList(1, args.size()));
        watchdog.on(rule);
        session.record("autorestart", Json.createObjectBuilder().add("state", ON).add("rule", rule.toString())
                .add("minGapMinutes", AutoRestart.MIN_GAP.toMinutes()).add("bandAid", true));
        return Result.ok("Autorestart is on: the monitor restarts the CRM when " + rule + " holds, at most once every "
                + AutoRestart.MIN_GAP.toMinutes() + " incident minutes.\nUsers get relief, the leak stays: every"
                + " restart throws its evidence away, and the heap fills again.");
    }

    private static Condition rule(List<String> words) throws UsageException {
        if (words.isEmpty()) {
            return Condition.parse(AutoRestart.DEFAULT_RULE);
        }
        if (!words.get(0).equals(WHEN)) {
            throw new UsageException("autorestart on takes only " + WHEN + " RULE; got '" + words.get(0) + "'");
        }
        if (words.size() == 1) {
            throw new UsageException(WHEN + " needs a rule, like " + AutoRestart.DEFAULT_RULE);
        }
        try {
            return Condition.parse(String.join(" ", words.subList(1, words.size())));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
