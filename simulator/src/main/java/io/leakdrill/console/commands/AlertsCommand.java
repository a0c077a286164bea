package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.world.monitor.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Lists firing and resolved alerts with their ids. */
public final class AlertsCommand implements Command {

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String summary() {
        return "firing and resolved alerts, with ids to `ack`";
    }

    @Override
    public String usage() {
        return "alerts";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SITUATION;
    }

    @Override
    public String example() {
        return "alerts";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        List<Alert> all = session.drill().alerts().all();
        if (all.isEmpty()) {
            return Result.ok("No alerts have fired.");
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-4s %-5s %-9s %-6s %-8s %s%n", "ID", "SEV",
                "STATE", "FIRED", "ACKED", "SUMMARY"));
        for (Alert a : all) {
            String fired = session.drill().clock().clockTextSeconds(Duration.ofMillis((long) (a.firedAtSeconds()
                    * 1000))).substring(0, 5);
            text.append(String.format(Locale.ROOT, "%-4s %-5s %-9s %-6s %-8s %s%n", a.id(), a.rule().severity(),
                    a.firing() ? "firing" : "resolved", fired, a.acknowledged() ? "yes" : "no", a.rule().summary()));
        }
        return Result.ok(text.toString().strip());
    }
}
