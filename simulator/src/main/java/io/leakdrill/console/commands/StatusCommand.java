package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Drill;
import io.leakdrill.world.monitor.Alert;
import io.leakdrill.world.monitor.Sample;
import jakarta.json.Json;
import java.util.List;
import java.util.Locale;

/** The situation at a glance: clock, CRM process, heap floor, what users feel, firing alerts. */
public final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "incident clock, CRM pid, heap floor, user latency and errors, firing alerts";
    }

    @Override
    public String usage() {
        return "status";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SITUATION;
    }

    @Override
    public String example() {
        return "status";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        Drill drill = session.drill();
        StringBuilder text = new StringBuilder();
        var process = drill.crm().process();
        text.append(String.format(Locale.ROOT, "Incident %s, %s (+%d min)%n", drill.scenario().title(),
                session.clock(), (long) drill.clock().elapsedSeconds() / 60));
        text.append(process != null && process.isAlive()
                ? String.format(Locale.ROOT, "CRM      pid %d, up, heap -Xmx%dm, process #%d%n", process.pid(),
                        drill.crm().launch().heapMb(), drill.crm().generation())
                : "CRM      DOWN (no process answering)\n");
        Sample s = drill.samples().latest().orElse(null);
        if (s != null) {
            if (s.crmUp()) {
                text.append(String.format(Locale.ROOT, "Heap     %s of %s used; heap floor (lowest old gen after GC, last 5 min) %s (%s)%n",
                        Format.mb(s.heapUsed()), Format.mb(s.heapMax()), Format.mb(s.oldAfterGc()),
                        Format.pct(s.oldAfterGcRatio())));
                text.append(String.format(Locale.ROOT, "GC       %s of the last interval spent in GC%n",
                        Format.pct(s.gcTimeShare())));
                text.append(String.format(Locale.ROOT, "Server   p95 %s as the CRM times its own requests%n",
                        Format.ms(s.crmP95Ms())));
            }
            text.append(String.format(Locale.ROOT,
                    "Users    %.0f req/s, p50 %s, p95 %s as users see it (through the edge), errors %d, time-outs %d,"
                            + " %s of users affected%n",
                    s.requestsPerSecond(), Format.ms(s.userP50Ms()), Format.ms(s.userP95Ms()), s.userErrors(),
                    s.userTimeouts(), Format.pct(s.usersAffected())));
        }
        List<Alert> firing = drill.alerts().firing();
        text.append(firing.isEmpty() ? "Alerts   none firing" : "Alerts   ");
        for (Alert a : firing) {
            text.append(String.format(Locale.ROOT, "%s [%s] %s%s; ", a.id(), a.rule().severity(), a.rule().summary(),
                    a.acknowledged() ? " (acked)" : ""));
        }
        session.record("evidence", Json.createObjectBuilder().add("kind", "status"));
        return Result.ok(text.toString().strip());
    }
}
