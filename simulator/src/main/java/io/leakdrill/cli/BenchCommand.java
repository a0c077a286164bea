package io.leakdrill.cli;

import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * `leakdrill bench`: measures, on this machine, time from `play` to a live incident and how close the leak's
 * physics land on the scenario's story (exhaustion time versus target) at two speeds.
 */
final class BenchCommand implements Subcommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String synopsis() {
        return "bench [SCENARIO] [--quick]";
    }

    @Override
    public Options options() {
        return new Options().addOption(null, "quick", false, "faster speeds and fewer runs (a rough figure)")
                .addOption(null, "verbose", false, "stack traces on internal errors");
    }

    @Override
    public int run(CommandLine line, Io io) throws Exception {
        String id = line.getArgList().isEmpty() ? ScenarioCatalog.DEFAULT_ID : line.getArgList().get(0);
        Scenario scenario = ScenarioCatalog.standard().load(id);
        boolean quick = line.hasOption("quick");
        Path work = Files.createTempDirectory("leakdrill-bench");
        io.out().println("leakdrill bench: " + scenario.id() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version"));

        List<Long> startups = new ArrayList<>();
        for (int run = 0; run < (quick ? 2 : 5); run++) {
            startups.add(startupMillis(scenario, work.resolve("startup-" + run)));
        }
        startups.sort(Long::compare);
        io.out().printf(Locale.ROOT, "time from `play` to live incident (JVM start to prompt, CRM up, traffic "
                + "flowing): median %d ms, min %d, max %d  (goal < 1500 ms)%n", startups.get(startups.size() / 2),
                startups.get(0), startups.get(startups.size() - 1));

        double target = scenario.leak().exhaustedAt().toSeconds() / 60.0;
        for (double speed : quick ? new double[] {240, 480} : new double[] {60, 120}) {
            Drill drill = Drill.start(new DrillOptions(scenario, 1, speed, work.resolve("physics-" + (int) speed),
                    work.resolve("physics-" + (int) speed + ".jsonl"), "bench", Clock.systemUTC()));
            OptionalDouble at;
            try {
                long deadline = System.nanoTime() + drill.clock().realFor(
                        scenario.leak().exhaustedAt().multipliedBy(2)).toNanos();
                while ((at = drill.exhaustedAtSeconds()).isEmpty() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            } finally {
                drill.end("quit");
            }
            if (at.isPresent()) {
                double actual = at.getAsDouble() / 60;
                io.out().printf(Locale.ROOT, "story vs physics at x%.0f: exhausted at +%.1f min, target +%.1f min, "
                        + "error %+.1f%%  (goal within 10%%)%n", speed, actual, target, (actual - target) / target * 100);
            } else {
                io.out().printf(Locale.ROOT, "story vs physics at x%.0f: not exhausted within +%.0f min (target +%.1f)%n",
                        speed, target * 2, target);
            }
        }
        return Main.OK;
    }

    // A real `play` in a fresh JVM, as a user starts it; the drill records JVM-start-to-ready in its transcript.
    private static long startupMillis(Scenario scenario, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path script = dir.resolve("quit.txt");
        Files.writeString(script, "quit\n");
        Path transcript = dir.resolve("t.jsonl");
        // The JVM flags the `leakdrill` launcher uses.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        String scenarios = System.getProperty("leakdrill.scenarios");
        if (scenarios != null) {
            command.add("-Dleakdrill.scenarios=" + scenarios);
        }
        command.addAll(List.of(Main.class.getName(), "play", scenario.id(), "--script", script.toString(),
                "--dir", dir.toString(), "--transcript", transcript.toString(), "--seed", "1"));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new DrillFailure("bench drill did not finish; see " + dir, null);
        }
        for (String event : Files.readAllLines(transcript)) {
            JsonObject json = Json.createReader(new StringReader(event)).readObject();
            if ("ready".equals(json.getString("type", ""))) {
                return json.getJsonNumber("startupMs").longValue();
            }
        }
        throw new DrillFailure("bench drill never became ready; see " + dir, null);
    }
}
