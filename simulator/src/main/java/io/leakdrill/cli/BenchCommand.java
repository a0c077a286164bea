package io.leakdrill.cli;

import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * `leakdrill bench`: measures, on this machine, time from `play` to a live incident and, for every variant, how close
 * the leak's physics land on the scenario's story, how late alerts are shown, and what the monitor costs the CRM.
 */
final class BenchCommand implements Subcommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String synopsis() {
        return "bench [SCENARIO] [--quick] | bench --patterns [--quick] | bench --grading";
    }

    @Override
    public Options options() {
        return new Options().addOption(null, "quick", false, "faster speeds and fewer runs (a rough figure)")
                .addOption(null, "patterns", false, "per leak pattern: first symptom, exhaustion, cost of the heap tools")
                .addOption(null, "grading", false, "how fast a long transcript is read and graded")
                .addOption(null, "verbose", false, "stack traces on internal errors");
    }

    @Override
    public int run(CommandLine line, Io io) throws Exception {
        String id = line.getArgList().isEmpty() ? ScenarioCatalog.DEFAULT_ID : line.getArgList().get(0);
        Scenario scenario = ScenarioCatalog.standard().load(id);
        boolean quick = line.hasOption("quick");
        Path work = Files.createTempDirectory("leakdrill-bench");
        measure(line, scenario, quick, work, io);
        // Kept when a measurement failed, since its message points into it; a finished bench leaves nothing (the
        // grading bench alone writes a transcript of some 300 MB).
        deleteTree(work);
        return Main.OK;
    }

    private static void measure(CommandLine line, Scenario scenario, boolean quick, Path work, Io io)
            throws Exception {
        if (line.hasOption("grading")) {
            GradingBench.run(work, io);
            return;
        }
        if (line.hasOption("patterns")) {
            PatternBench.run(quick ? 240 : 120, work, io);
            return;
        }
        io.out().println("leakdrill bench: " + scenario.id() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version"));

        List<StartupRun> startups = new ArrayList<>();
        for (int run = 0; run < (quick ? 2 : 5); run++) {
            startups.add(startupRun(scenario, work.resolve("startup-" + run)));
        }
        startups.sort(Comparator.comparingLong(StartupRun::promptMs));
        StartupRun median = startups.get(startups.size() / 2);
        io.out().printf(Locale.ROOT, "time from `play` to live incident (JVM start to prompt, CRM up, traffic "
                + "flowing): median %d ms, min %d, max %d  (goal < 1500 ms)%n", median.promptMs(),
                startups.get(0).promptMs(), startups.get(startups.size() - 1).promptMs());
        io.out().println("  " + median.describe());

        for (Scenario.Variant variant : scenario.variants()) {
            for (double speed : quick ? new double[] {240} : new double[] {60, 120}) {
                physics(scenario, variant, speed, work.resolve(variant.id() + "-x" + (int) speed), io);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * One drill left to run until the leak exhausts the old generation (or twice the target time): how close the
     * physics land on the story, how late alerts are shown, and what the monitor costs the CRM.
     */
    private static void physics(Scenario scenario, Scenario.Variant variant, double speed, Path dir, Io io)
            throws Exception {
        double target = scenario.leak().exhaustedAt().toSeconds() / 60.0;
        Path transcript = dir.resolve("transcript.jsonl");
        Drill drill = Drill.start(new DrillOptions(scenario, variant, 1, speed, dir, transcript, "bench",
                Clock.systemUTC()));
        OptionalDouble at;
        JsonObject first;
        JsonObject last;
        long realStart = System.nanoTime();
        long realNanos;
        try {
            first = drill.crm().admin().metrics(Duration.ofSeconds(10));
            long deadline = System.nanoTime() + drill.clock().realFor(
                    scenario.leak().exhaustedAt().multipliedBy(2)).toNanos();
            last = first;
            realNanos = 0;
            long nextScrape = System.nanoTime();
            while ((at = drill.exhaustedAtSeconds()).isEmpty() && System.nanoTime() < deadline) {
                // Keep the latest reading the CRM gave: at exhaustion it may stop answering or die.
                if (System.nanoTime() >= nextScrape) {
                    try {
                        last = drill.crm().admin().metrics(Duration.ofSeconds(5));
                        realNanos = System.nanoTime() - realStart;
                    } catch (IOException e) {
                        // Not answering now; the previous reading stands.
                    }
                    nextScrape = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        } finally {
            drill.end("quit");
        }
        String label = String.format(Locale.ROOT, "%s at x%.0f", variant.id(), speed);
        if (at.isPresent()) {
            double actual = at.getAsDouble() / 60;
            io.out().printf(Locale.ROOT, "%s: story vs physics: exhausted at +%.1f min, target +%.1f min, error %+.1f%%"
                    + "  (goal within 10%%)%n", label, actual, target, (actual - target) / target * 100);
        } else {
            io.out().printf(Locale.ROOT, "%s: story vs physics: not exhausted within +%.0f min (target +%.1f)%n",
                    label, target * 2, target);
        }
        List<Double> lags = new ArrayList<>();
        int scrapes = 0;
        for (String event : Files.readAllLines(transcript)) {
            JsonObject json = Json.createReader(new StringReader(event)).readObject();
            if ("alert".equals(json.getString("type", "")) && json.containsKey("lagSeconds")) {
                lags.add(json.getJsonNumber("lagSeconds").doubleValue());
            }
            scrapes += "sample".equals(json.getString("type", "")) ? 1 : 0;
        }
        lags.sort(Double::compare);
        // The lag is real time (scrape and evaluation) scaled by the speed; say what it is at the scenario's speed.
        double toScenario = scenario.speed() / speed;
        io.out().printf(Locale.ROOT, "%s: alert latency (sample to alert shown, incident s): %s; plus up to one sample"
                + " interval (%d s) between a condition turning true and the sample that sees it%n", label,
                lags.isEmpty() ? "no alerts fired" : String.format(Locale.ROOT,
                        "median %.1f, max %.1f over %d alerts (%.1f and %.1f at the scenario's x%s)",
                        lags.get(lags.size() / 2), lags.get(lags.size() - 1), lags.size(),
                        lags.get(lags.size() / 2) * toScenario, lags.get(lags.size() - 1) * toScenario,
                        trim(scenario.speed())),
                scenario.monitorInterval().toSeconds());
        double monitorMs = (last.getJsonNumber("monitorCpuTimeNs").longValue()
                - first.getJsonNumber("monitorCpuTimeNs").longValue()) / 1e6;
        double processMs = (last.getJsonNumber("processCpuTimeNs").longValue()
                - first.getJsonNumber("processCpuTimeNs").longValue()) / 1e6;
        // The monitor scrapes once per incident interval, so its share grows with the speed; the users' load does
        // not. Project the measured cost per scrape onto the scenario's own speed as well.
        scrapes = (int) Math.min(scrapes, Math.max(1, realNanos / 1e9 / (scenario.monitorInterval().toSeconds()
                / speed)));
        double perScrapeMs = monitorMs / Math.max(1, scrapes);
        double crmMsPerSecond = (processMs - monitorMs) / (realNanos / 1e9);
        double scrapesPerSecond = scenario.speed() / scenario.monitorInterval().toSeconds();
        double projected = perScrapeMs * scrapesPerSecond / (crmMsPerSecond + perScrapeMs * scrapesPerSecond);
        io.out().printf(Locale.ROOT, "%s: monitor cost: %.2f ms CPU per scrape; %.0f of the CRM's %.0f CPU ms here"
                + " (%.2f%%), %.2f%% at the scenario's x%s (goal < 2%%)%n", label, perScrapeMs, monitorMs, processMs,
                processMs > 0 ? monitorMs / processMs * 100 : 0, projected * 100, trim(scenario.speed()));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** One real start: time to the prompt, when each step finished, and the CPU both JVMs had used by then. */
    private record StartupRun(long promptMs, long readyMs, JsonObject phases, JsonObject cpuMs) {

        String describe() {
            StringBuilder text = new StringBuilder("median run, ms since JVM start:");
            phases.forEach((phase, at) -> text.append(' ').append(phase).append(' ').append(at));
            text.append(", prompt ").append(promptMs);
            if (!cpuMs.isEmpty()) {
                long drill = cpuMs.getJsonNumber("drill").longValue();
                long crm = cpuMs.getJsonNumber("crm").longValue();
                int cores = cpuMs.getInt("cores");
                text.append(String.format(Locale.ROOT, "; CPU when traffic began: drill %d ms + CRM %d ms, %.0f%% of"
                        + " %d cores", drill, crm, 100.0 * (drill + crm) / Math.max(1, readyMs * cores), cores));
            }
            return text.toString();
        }
    }

    // A real `play` in a fresh JVM, as a user starts it; the drill records JVM-start-to-prompt in its transcript.
    private static StartupRun startupRun(Scenario scenario, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path script = dir.resolve("quit.txt");
        Files.writeString(script, "quit\n");
        Path transcript = FreshPlay.play(scenario.id(), script, dir, List.of("--seed", "1"), Duration.ofSeconds(60));
        JsonObject ready = JsonObject.EMPTY_JSON_OBJECT;
        for (String event : Files.readAllLines(transcript)) {
            JsonObject json = Json.createReader(new StringReader(event)).readObject();
            if ("ready".equals(json.getString("type", ""))) {
                ready = json;
            } else if ("prompt".equals(json.getString("type", ""))) {
                return new StartupRun(json.getJsonNumber("sinceStartMs").longValue(),
                        ready.containsKey("startupMs") ? ready.getJsonNumber("startupMs").longValue() : 0,
                        ready.getJsonObject("phases") == null ? JsonObject.EMPTY_JSON_OBJECT
                                : ready.getJsonObject("phases"),
                        ready.getJsonObject("cpuMs") == null ? JsonObject.EMPTY_JSON_OBJECT
                                : ready.getJsonObject("cpuMs"));
            }
        }
        throw new DrillFailure("bench drill never showed its prompt; see " + dir, null);
    }
}
