package io.leakdrill.cli;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.commands.HeapCommand;
import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.scenario.CrmComponents;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import io.leakdrill.world.monitor.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `leakdrill bench --patterns`: for each leak pattern in the shipped scenarios, when users first feel it and when it
 * exhausts its memory area against the scenario's target, and what the heavy tools cost at that scenario's heap.
 */
final class PatternBench {

    private static final Pattern PAUSE = Pattern.compile("took (\\d+) ms|paused the CRM (\\d+) ms|still for (\\d+) ms");
    private static final Pattern SIZE = Pattern.compile("([\\d.]+) MB; the CRM stood");

    private static final double TOOLS_AT = 0.6;

    private PatternBench() {
    }

    static void run(double speed, Path work, Io io) throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.standard();
        Set<String> measured = new HashSet<>();
        io.out().printf(Locale.ROOT, "per leak pattern, at x%.0f (times in incident minutes, the same at any speed)%n",
                speed);
        for (String id : catalog.ids()) {
            Scenario scenario = catalog.load(id);
            for (Scenario.Variant variant : scenario.variants()) {
                if (measured.add(variant.leakingComponent())) {
                    one(scenario, variant, speed, work.resolve(id + "-" + variant.id()), io);
                }
            }
        }
    }

    private static void one(Scenario scenario, Scenario.Variant variant, double speed, Path dir, Io io)
            throws Exception {
        CrmComponents component = CrmComponents.byId(variant.leakingComponent()).orElseThrow();
        String label = String.format(Locale.ROOT, "%s (%s, %s)", component.id(), scenario.id(), component.area().id());
        Files.createDirectories(dir);
        Drill drill = Drill.start(new DrillOptions(scenario, variant, 1, speed, dir.resolve("drill"),
                dir.resolve("transcript.jsonl"), "bench", Clock.systemUTC()));
        double target = scenario.leak().exhaustedAt().toSeconds() / 60.0;
        // The tools run on the way up, at 60% of the target, about when a trainee diagnoses: late enough for a full
        // heap, early enough that a CRM thrashing at the top does not blur their cost. Their own pauses are left out
        // of the symptoms.
        double toolsAt = target * 60 * TOOLS_AT;
        String costs = null;
        double toolsFrom = Double.NaN;
        double toolsTo = Double.NaN;
        try {
            long deadline = System.nanoTime() + drill.clock().realFor(scenario.leak().exhaustedAt().multipliedBy(2))
                    .toNanos();
            while (drill.exhaustedAtSeconds().isEmpty() && System.nanoTime() < deadline) {
                if (costs == null && drill.clock().elapsedSeconds() >= toolsAt) {
                    toolsFrom = drill.clock().elapsedSeconds();
                    costs = drill.crm().port() < 0 ? "the CRM was down at +" + Math.round(toolsAt / 60)
                            + " min; no tool costs" : toolCostsOrWhy(drill, component, scenario);
                    toolsTo = drill.clock().elapsedSeconds();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        } finally {
            drill.end("quit");
        }
        if (costs == null) {
            costs = "exhausted before +" + Math.round(toolsAt / 60) + " min; no tool costs";
        }
        Double symptomAt = firstSymptom(drill.samples().last(Integer.MAX_VALUE), toolsFrom, toolsTo + 60);
        var exhausted = drill.exhaustedAtSeconds();
        io.out().printf(Locale.ROOT, "%s: users first hurt at %s; exhausted at %s, target +%.0f min%s%n  %s%n",
                label, symptomAt == null ? "never" : String.format(Locale.ROOT, "+%.1f min", symptomAt / 60),
                exhausted.isPresent() ? String.format(Locale.ROOT, "+%.1f min", exhausted.getAsDouble() / 60)
                        : "not within twice the target", target,
                exhausted.isPresent() ? String.format(Locale.ROOT, " (%+.1f%%)",
                        (exhausted.getAsDouble() / 60 - target) / target * 100) : "", costs);
    }

    // A CRM near exhaustion may fail a tool; that is a finding for this pattern, not the end of the bench.
    private static String toolCostsOrWhy(Drill drill, CrmComponents component, Scenario scenario) {
        try {
            return toolCosts(drill, component, scenario);
        } catch (Exception e) {
            return "a heap tool failed at +" + Math.round(drill.clock().elapsedSeconds() / 60) + " min: "
                    + e.getMessage();
        }
    }

    private static String toolCosts(Drill drill, CrmComponents component, Scenario scenario) throws Exception {
        DrillSession session = new DrillSession(drill);
        HeapCommand heap = new HeapCommand();
        double started = drill.clock().elapsedSeconds();
        String histo = run(heap, session, "histo");
        String needle = component.evidence().leakClass();
        run(heap, session, "roots", needle);
        double recording = drill.clock().elapsedSeconds();
        while (drill.clock().elapsedSeconds() < recording + 300) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        String roots = run(heap, session, "roots", needle);
        String dump = run(heap, session, "dump");
        Matcher size = SIZE.matcher(dump);
        Files.deleteIfExists(Path.of(dump.substring(dump.indexOf("written to ") + 11, dump.indexOf(".hprof") + 6)));
        return String.format(Locale.ROOT, "at +%d min, -Xmx%dm: heap histo %s ms, heap roots %s ms, heap dump %s MB"
                + " in %s ms", Math.round(started / 60), scenario.crm().heapMb(), pause(histo), pause(roots),
                size.find() ? size.group(1) : "?", pause(dump));
    }

    // A quarter of the users hurt, or 5% of requests failing, in one sample outside the tools' own window.
    private static Double firstSymptom(List<Sample> samples, double toolsFrom, double toolsTo) {
        return samples.stream().filter(s -> s.usersAffected() >= 0.25 || s.errorRatio() >= 0.05)
                .map(Sample::atSeconds).filter(at -> !(at >= toolsFrom && at <= toolsTo)).findFirst().orElse(null);
    }

    private static String run(Command command, DrillSession session, String... args) throws Exception {
        Command.Result result = command.run(List.of(args), session);
        if (!result.ok()) {
            throw new DrillFailure("bench: `heap " + String.join(" ", args) + "` failed: " + result.text(), null);
        }
        return result.text();
    }

    private static String pause(String text) {
        Matcher m = PAUSE.matcher(text);
        if (!m.find()) {
            return "?";
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "?";
    }
}
