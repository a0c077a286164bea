package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.crm.telemetry.ProcStatus;
import io.leakdrill.world.crm.CpuHistory;
import io.leakdrill.world.crm.CpuHistory.Reading;
import io.leakdrill.world.crm.CrmProcess;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The CRM process as `top` shows it, read from the operating system rather than asked of the CRM: CPU over the
 * last interval and the last few monitor intervals, resident set, threads, uptime. A JVM that spends its time
 * collecting garbage burns CPU while it serves nothing, and this still answers when its admin API does not.
 */
public final class TopCommand implements Command {

    // Shorter than this, a CPU share is mostly the scheduler's granularity.
    private static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    private static final Duration OWN_INTERVAL = Duration.ofMillis(500);
    private static final int HISTORY = 10;

    @Override
    public String name() {
        return "top";
    }

    @Override
    public String summary() {
        return "the CRM process as the OS sees it: CPU % now and over the last intervals, resident memory, threads";
    }

    @Override
    public String usage() {
        return "top";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SERVER;
    }

    @Override
    public String example() {
        return "top";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        var drill = session.drill();
        CrmProcess process = drill.crm().process();
        Optional<Reading> now = process == null ? Optional.empty()
                : CpuHistory.read(process.pid(), System.nanoTime(), drill.clock().elapsedSeconds());
        if (process == null || !process.isAlive() || now.isEmpty()) {
            session.evidence(Json.createObjectBuilder().add("kind", "top")
                    .add("crmUp", process != null && process.isAlive())
                    .add("pid", process == null ? -1 : process.pid()));
            if (process == null) {
                return Result.ok("No CRM process is running (it is being started); try again.");
            }
            return Result.ok(process.isAlive()
                    ? "CRM process " + process.pid() + " runs, but this system does not report its CPU time."
                    : "CRM process " + process.pid() + " is not running (exited with code " + process.exitCode()
                            + "): no CPU or memory to show. `restart` brings it back.");
        }
        long pid = process.pid();
        List<Reading> history = drill.cpu().of(pid);
        Reading from = earlier(history, now.get());
        if (from == null) {
            // No monitor reading of this process far enough back (it has just started): measure, as top does.
            from = now.get();
            park(OWN_INTERVAL);
            now = CpuHistory.read(pid, System.nanoTime(), drill.clock().elapsedSeconds());
            if (now.isEmpty()) {
                return Result.ok("CRM process " + pid + " ended while it was measured. `status` shows what happened.");
            }
        }
        Reading to = now.get();
        double cpu = CpuHistory.percent(from, to);
        Optional<ProcStatus> status = ProcStatus.of(pid);
        OptionalLong rss = status.map(s -> s.bytes("VmRSS")).orElse(OptionalLong.empty());
        OptionalLong peak = status.map(s -> s.bytes("VmHWM")).orElse(OptionalLong.empty());
        OptionalLong threads = status.map(s -> s.count("Threads")).orElse(OptionalLong.empty());
        Optional<Instant> started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant());
        Duration uptime = started.map(s -> Duration.between(s, Instant.now())).orElse(null);
        int heapMb = process.launch().heapMb();

        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%8s %6s %10s %8s  %-22s %s%n",
                "PID", "%CPU", "RES", "THREADS", "UPTIME (incident)", "COMMAND"));
        text.append(String.format(Locale.ROOT, "%8d %6.1f %10s %8s  %-22s java -Xmx%dm ... CrmMain%n", pid, cpu,
                rss.isPresent() ? Format.mb(rss.getAsLong()) : "n/a",
                threads.isPresent() ? Long.toString(threads.getAsLong()) : "n/a",
                uptime == null ? "n/a" : incidentUptime(uptime, drill.clock().speed()), heapMb));
        text.append(String.format(Locale.ROOT,
                "CPU in %% of one core over the last %.1f s (real), %d cores here; resident set peak %s, heap limit "
                        + "%d MB.%n",
                CpuHistory.between(from, to).toMillis() / 1000.0, Runtime.getRuntime().availableProcessors(),
                peak.isPresent() ? Format.mb(peak.getAsLong()) : "n/a", heapMb));
        if (rss.isEmpty()) {
            text.append("This system has no /proc: resident memory and threads are not available.\n");
        }
        List<Reading> recent = history.subList(Math.max(0, history.size() - HISTORY - 1), history.size());
        if (recent.size() >= 2) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i < recent.size(); i++) {
                row.append(String.format(Locale.ROOT, " %.0f", CpuHistory.percent(recent.get(i - 1), recent.get(i))));
            }
            text.append(String.format(Locale.ROOT, "CPU %% by monitor interval over the last %.0f incident min,"
                    + " oldest first:%s", (recent.get(recent.size() - 1).atSeconds() - recent.get(0).atSeconds()) / 60,
                    row));
        } else {
            text.append("No CPU history for this process yet: it started less than a monitor interval ago.");
        }
        session.evidence(Json.createObjectBuilder().add("kind", "top").add("crmUp", true).add("pid", pid)
                .add("cpuPercent", Math.round(cpu * 10) / 10.0)
                .add("cpuIntervalMs", CpuHistory.between(from, to).toMillis())
                .add("cpuTimeMs", to.cpuNanos() / 1_000_000)
                .add("rssBytes", rss.orElse(-1)).add("threads", threads.orElse(-1))
                .add("uptimeSeconds", uptime == null ? -1 : uptime.toSeconds()));
        // Only trailing space goes: the header's leading spaces keep its columns over the numbers.
        return Result.ok(text.toString().stripTrailing());
    }

    private static Reading earlier(List<Reading> history, Reading now) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (CpuHistory.between(history.get(i), now).compareTo(MIN_INTERVAL) >= 0) {
                return history.get(i);
            }
        }
        return null;
    }

    // Incident time is what the trainee's clock shows; real time is what the JVM's counters count.
    private static String incidentUptime(Duration real, double speed) {
        long incident = Math.round(real.toMillis() * speed / 1000);
        return String.format(Locale.ROOT, "%dm %02ds (%ds real)", incident / 60, incident % 60, real.toSeconds());
    }

    private static void park(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            if (Thread.interrupted()) {
                throw new InterruptedException("top cancelled");
            }
        }
    }
}
