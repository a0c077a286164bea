package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.Sparkline;
import io.leakdrill.console.Style;
import io.leakdrill.drill.Drill;
import io.leakdrill.world.monitor.Alert;
import io.leakdrill.world.monitor.Sample;
import jakarta.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/** The situation at a glance: clock, CRM process, heap floor, what users feel, firing alerts. */
public final class StatusCommand implements Command {

    private static final double TREND_SECONDS = 30 * 60;

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "incident clock, CRM pid, heap floor, user latency and errors, firing alerts, 30-minute trends";
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
        Style style = session.style();
        StringBuilder text = new StringBuilder();
        var process = drill.crm().process();
        text.append(String.format(Locale.ROOT, "Incident %s, %s (+%d min)%n", style.bold(drill.scenario().title()),
                session.clock(), (long) drill.clock().elapsedSeconds() / 60));
        text.append(process != null && process.isAlive()
                ? String.format(Locale.ROOT, "CRM      pid %d, up, heap -Xmx%dm, process #%d%n", process.pid(),
                        drill.crm().launch().heapMb(), drill.crm().generation())
                : "CRM      " + style.bad("DOWN") + " (no process answering)\n");
        Sample s = drill.samples().latest().orElse(null);
        if (s != null) {
            if (s.crmUp()) {
                text.append(String.format(Locale.ROOT,
                        "Heap     %s of %s used; floor (lowest old gen after GC, last 5 min) %s (%s)%n",
                        Format.mb(s.heapUsed()), Format.mb(s.heapMax()), Format.mb(s.oldAfterGc()),
                        Format.pct(s.oldAfterGcRatio())));
                text.append(String.format(Locale.ROOT, "GC       %s of the last interval spent in GC%n",
                        Format.pct(s.gcTimeShare())));
                text.append(String.format(Locale.ROOT, "Server   p95 %s as the CRM times its own requests%n",
                        Format.ms(s.crmP95Ms())));
            }
            text.append(String.format(Locale.ROOT,
                    "Users    %.0f req/s, p50 %s, p95 %s through the edge; errors %d, time-outs %d;"
                            + " %s of users affected%n",
                    s.requestsPerSecond(), Format.ms(s.userP50Ms()), Format.ms(s.userP95Ms()), s.userErrors(),
                    s.userTimeouts(), Format.pct(s.usersAffected())));
        }
        List<Alert> firing = drill.alerts().firing();
        text.append(firing.isEmpty() ? "Alerts   none firing\n" : "Alerts   ");
        for (Alert a : firing) {
            text.append(String.format(Locale.ROOT, "%s [%s] %s%s; ", a.id(), style.severity(a.rule().severity()),
                    a.rule().summary(), a.acknowledged() ? " (acked)" : ""));
        }
        text.append(firing.isEmpty() ? "" : "\n");
        double now = drill.clock().elapsedSeconds();
        List<Sample> recent = drill.samples().since(now - TREND_SECONDS);
        if (recent.size() >= 2) {
            text.append('\n').append(trends(recent, now, style));
        }
        session.evidence(Json.createObjectBuilder().add("kind", "status"));
        return Result.ok(text.toString().strip());
    }

    // Sparklines over the last 30 incident minutes, one bar per minute, with the first and latest readings: the
    // shape says "rising", the numbers say how much.
    private static String trends(List<Sample> recent, double now, Style style) {
        List<Sample> up = recent.stream().filter(Sample::crmUp).toList();
        double from = Math.max(0, now - TREND_SECONDS);
        int minutes = (int) Math.round((now - from) / 60);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Last %d min, a bar a minute%n",
                minutes));
        trend(text, "heap floor", up, Sample::oldAfterGcRatio, from, now, style, Format::pct);
        trend(text, "user p95", recent, Sample::userP95Ms, from, now, style, Format::ms);
        trend(text, "errors", recent, Sample::errorRatio, from, now, style, Format::pct);
        trend(text, "req/s", recent, Sample::requestsPerSecond, from, now, style,
                v -> String.format(Locale.ROOT, "%.0f", v));
        trend(text, "GC time", up, Sample::gcTimeShare, from, now, style, Format::pct);
        return text.toString();
    }

    private static void trend(StringBuilder text, String label, List<Sample> samples, ToDoubleFunction<Sample> value,
            double from, double to, Style style, DoubleFunction<String> format) {
        text.append(String.format(Locale.ROOT, "  %-11s %s%n", label,
                Sparkline.perMinuteWithRange(samples, Sample::atSeconds, value, from, to, style, format)));
    }
}
