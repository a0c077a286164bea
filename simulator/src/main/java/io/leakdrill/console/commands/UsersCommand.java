package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.Sparkline;
import io.leakdrill.console.Style;
import io.leakdrill.grader.Rubric;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.world.monitor.Sample;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the virtual users experience, now and over the last minutes, against the scenario's objective for user
 * impact: the number the business feels and the one mitigation is graded on. Every figure is from the monitor's
 * samples of real requests through the edge.
 */
public final class UsersCommand implements Command {

    private static final double WINDOW_SECONDS = 10 * 60;

    @Override
    public String name() {
        return "users";
    }

    @Override
    public String summary() {
        return "what users experience now and over 10 minutes: latency, failures, share affected, vs the objective";
    }

    @Override
    public String usage() {
        return "users";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SITUATION;
    }

    @Override
    public String example() {
        return "users";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        var drill = session.drill();
        Sample now = drill.samples().latest().orElse(null);
        if (now == null) {
            return Result.ok("No monitor samples yet; the monitor's first one comes within a minute of incident"
                    + " time.");
        }
        Style style = session.style();
        Scenario.Traffic traffic = drill.scenario().traffic();
        double slo = Rubric.of(drill.scenario().json()).sloUsersAffected();
        double to = now.atSeconds();
        double from = Math.max(0, to - WINDOW_SECONDS);
        List<Sample> window = drill.samples().since(from);
        long over = window.stream().filter(s -> s.usersAffected() > slo).count();
        double peak = window.stream().mapToDouble(Sample::usersAffected).max().orElse(0);

        StringBuilder text = new StringBuilder();
        text.append(style.bold(String.format(Locale.ROOT, "Users now (%d virtual users, sample at %s)",
                traffic.users(), drill.clock().clockTextSeconds(Duration.ofMillis((long) (to * 1000))))))
                .append('\n');
        text.append(String.format(Locale.ROOT,
                "  %.0f req/s, p50 %s, p95 %s as users see it; errors %d, time-outs %d, logins %d in the sample%n",
                now.requestsPerSecond(), Format.ms(now.userP50Ms()), Format.ms(now.userP95Ms()), now.userErrors(),
                now.userTimeouts(), now.userLogins()));
        String affected = Format.pct(now.usersAffected()) + " of users affected";
        text.append("  ").append(now.usersAffected() > slo ? style.bad(affected + ": over the objective")
                : style.good(affected + ": within the objective")).append('\n');
        if (!now.crmUp()) {
            text.append("  ").append(style.bad("The CRM did not answer the monitor in this sample.")).append('\n');
        }
        text.append(style.bold(String.format(Locale.ROOT, "Last %d min (%d samples)",
                Math.round((to - from) / 60), window.size()))).append('\n');
        text.append(String.format(Locale.ROOT, "  req/s %.0f to %.0f; p95 median %s, worst %s%n",
                window.stream().mapToDouble(Sample::requestsPerSecond).min().orElse(0),
                window.stream().mapToDouble(Sample::requestsPerSecond).max().orElse(0),
                Format.ms(median(window)), Format.ms(window.stream().mapToDouble(Sample::userP95Ms).max().orElse(0))));
        text.append(String.format(Locale.ROOT, "  %s of requests failed (errors and time-outs)%n",
                Format.pct(failedShare(window))));
        text.append(String.format(Locale.ROOT, "  users affected: peak %s, over the objective in %d of %d samples%n",
                Format.pct(peak), over, window.size()));
        if (window.size() >= 2) {
            text.append("  affected  ").append(Sparkline.perMinuteWithRange(window, Sample::atSeconds,
                    Sample::usersAffected, from, to, style, Format::pct)).append('\n');
        }
        text.append(String.format(Locale.ROOT, "Objective: at most %s of users affected. A user is affected when a"
                + " request of theirs fails, times out (%d ms) or takes over %d ms.", Format.pct(slo),
                traffic.timeoutMs(), traffic.slowMs()));
        session.evidence(Json.createObjectBuilder().add("kind", "users")
                .add("usersAffected", round(now.usersAffected())).add("userP95Ms", Math.round(now.userP95Ms()))
                .add("errorRatio", round(now.errorRatio())).add("sloUsersAffected", slo)
                .add("peakUsersAffected", round(peak)).add("overSloSamples", over)
                .add("windowSamples", window.size()));
        return Result.ok(text.toString());
    }

    // Pooled over the window's requests, so a quiet sample weighs less than a busy one.
    private static double failedShare(List<Sample> window) {
        long requests = window.stream().mapToLong(Sample::userRequests).sum();
        long failed = window.stream().mapToLong(s -> s.userErrors() + s.userTimeouts()).sum();
        return requests == 0 ? 0 : failed / (double) requests;
    }

    private static double median(List<Sample> window) {
        List<Double> p95 = window.stream().map(Sample::userP95Ms).sorted(Comparator.naturalOrder()).toList();
        return p95.isEmpty() ? 0 : p95.get(p95.size() / 2);
    }

    private static double round(double ratio) {
        return Math.round(ratio * 1000) / 1000.0;
    }
}
