package io.leakdrill.console.commands;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.drill.HistogramStore;
import io.leakdrill.scenario.CrmComponents;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import io.leakdrill.testing.QuietDrill;
import io.leakdrill.world.monitor.MemoryArea;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shark.CloseableHeapGraph;
import shark.HeapObject.HeapClass;
import shark.HprofHeapGraph;
import shark.HprofIndex;

/**
 * For every component that can leak, the JDK's own tools, run from outside on the live CRM, agree with the drill's:
 * {@code jcmd GC.class_histogram} with {@code heap histo}, {@code jcmd VM.native_memory summary} with {@code memory},
 * {@code jcmd JFR.dump} with {@code heap roots} (for a metaspace leak, {@code jcmd VM.classloader_stats} and JFR's
 * class loader statistics with {@code heap histo}); and the .hprof from {@code heap dump}, read back by Square's
 * independent parser, holds the leaking component's objects.
 */
class JdkToolsAgreeTest {

    private static final Path SCENARIOS = Path.of(System.getProperty("leakdrill.scenarios"));
    private static final Pattern STATIC_ROOT = Pattern.compile("static (\\w+) of (\\S+)");

    @TempDir
    Path dir;

    record Case(CrmComponents component, Scenario scenario, Scenario.Variant variant) {
        @Override
        public String toString() {
            return component.id() + " (" + scenario.id() + " / " + variant.id() + ")";
        }
    }

    /** Each leaking component with the first shipped scenario variant that makes it leak. */
    static Stream<Case> leaks() throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.in(SCENARIOS);
        List<Case> cases = new ArrayList<>();
        for (CrmComponents component : CrmComponents.values()) {
            if (!component.canLeak()) {
                continue;
            }
            search:
            for (String id : catalog.ids()) {
                Scenario scenario = catalog.load(id);
                for (Scenario.Variant variant : scenario.variants()) {
                    if (variant.leakingComponent().equals(component.id())) {
                        cases.add(new Case(component, scenario, variant));
                        break search;
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void theJdksOwnToolsAgreeWithTheDrills(Case leak) throws Exception {
        CrmComponents.Evidence evidence = leak.component().evidence();
        try (Drill drill = Drill.start(new DrillOptions(leak.scenario(), leak.variant(), 5, 60, dir.resolve("drill"),
                dir.resolve("drill.jsonl"), "test", Clock.systemUTC()))) {
            DrillSession session = new DrillSession(drill);
            long pid = drill.crm().process().pid();

            run(session, new HeapCommand(), "histo");
            HistogramStore.Entry ours = drill.histograms().all().get(0).rows().get(evidence.leakClass());
            assertNotNull(ours, evidence.leakClass() + " is among the largest classes of `heap histo`");
            long theirs = instancesIn(jcmd(pid, "GC.class_histogram"), evidence.leakClass());
            assertTrue(Math.abs(theirs - ours.instances()) <= 0.15 * ours.instances(), String.format(Locale.ROOT,
                    "jcmd GC.class_histogram counts %d %s, heap histo %d", theirs, evidence.leakClass(),
                    ours.instances()));

            String memory = run(session, new MemoryCommand());
            double nmtOurs = number(memory, "Native memory tracking: committed ([\\d.]+) MB in total");
            double nmtTheirs = number(jcmd(pid, "VM.native_memory", "summary"),
                    "Total: reserved=\\d+KB, committed=(\\d+)KB") / 1024;
            assertTrue(Math.abs(nmtTheirs - nmtOurs) <= 0.1 * nmtOurs, String.format(Locale.ROOT,
                    "jcmd VM.native_memory says %.1f MB committed, memory %.1f MB", nmtTheirs, nmtOurs));

            if (leak.component().area() == MemoryArea.METASPACE) {
                assertClassLoadersAgree(session, pid, evidence.leakClass());
            } else {
                assertRootsAgree(session, pid, evidence);
            }

            Matcher written = Pattern.compile("written to (\\S+\\.hprof)").matcher(run(session, new HeapCommand(),
                    "dump"));
            assertTrue(written.find());
            assertDumpHoldsTheLeak(Path.of(written.group(1)), evidence);
        }
    }

    private void assertRootsAgree(DrillSession session, long pid, CrmComponents.Evidence evidence) throws Exception {
        String needle = simpleName(evidence.leakClass());
        run(session, new HeapCommand(), "roots", needle);
        // OldObjectSample draws a few objects from all allocations, so a path may take several reads to show, as it
        // would for a trainee.
        AtomicReference<String> roots = new AtomicReference<>("");
        await("heap roots " + needle + " names " + evidence.retainedBy()).atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ofSeconds(5)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    roots.set(run(session, new HeapCommand(), "roots", needle));
                    return roots.get().contains(evidence.retainedBy());
                });
        Path jfr = dir.resolve("crm.jfr");
        jcmd(pid, "JFR.dump", "name=leakdrill-retention", "path-to-gc-roots=true", "filename=" + jfr);
        assertTrue(oldObjectSamples(jfr, evidence.leakClass()) > 0,
                "jcmd JFR.dump holds old-object samples of (or held by) " + evidence.leakClass());
    }

    /**
     * A metaspace leak is a leak of class loaders, and the JDK counts those itself: {@code jcmd
     * VM.classloader_stats} and JFR's ClassLoaderStatistics event list each live loader with its classes. (Old-object
     * samples are no help here: a leaked template puts a few KB on the heap, so JFR samples one every few hundred.)
     */
    private void assertClassLoadersAgree(DrillSession session, long pid, String loaderClass) throws Exception {
        run(session, new HeapCommand(), "histo");
        List<HistogramStore.Histogram> histograms = session.drill().histograms().all();
        long ours = histograms.get(histograms.size() - 1).rows().get(loaderClass).instances();
        long theirs = jcmd(pid, "VM.classloader_stats").lines().filter(l -> l.strip().endsWith(" " + loaderClass))
                .count();
        assertTrue(Math.abs(theirs - ours) <= 0.15 * ours, String.format(Locale.ROOT,
                "jcmd VM.classloader_stats lists %d %s, heap histo %d", theirs, loaderClass, ours));

        jcmd(pid, "JFR.start", "name=leakdrill-test", "settings=default");
        Path jfr = dir.resolve("classloaders.jfr");
        jcmd(pid, "JFR.dump", "name=leakdrill-test", "filename=" + jfr);
        long loaders = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            RecordedClassLoader loader = event.getEventType().getName().equals("jdk.ClassLoaderStatistics")
                    ? event.getValue("classLoader") : null;
            if (loader != null && loader.getType() != null && loaderClass.equals(loader.getType().getName())) {
                loaders++;
            }
        }
        assertTrue(loaders >= 0.5 * ours, "jcmd JFR.dump's ClassLoaderStatistics show " + loaders + " "
                + loaderClass + "s, heap histo " + ours);
    }

    private static void assertDumpHoldsTheLeak(Path hprof, CrmComponents.Evidence evidence) throws IOException {
        try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(hprof.toFile(), null,
                HprofIndex.Companion.defaultIndexedGcRootTags())) {
            if (!evidence.leakClass().startsWith("[")) {
                HeapClass leaked = graph.findClassByName(evidence.leakClass());
                assertNotNull(leaked, evidence.leakClass() + " is in the dump");
                assertTrue(kotlin.sequences.SequencesKt.count(leaked.getInstances()) > 100,
                        "the dump holds many " + evidence.leakClass());
            }
            Matcher root = STATIC_ROOT.matcher(evidence.retainedBy());
            if (root.find()) {
                HeapClass holder = graph.findClassByName(root.group(2));
                assertNotNull(holder, root.group(2) + " is in the dump");
                var field = holder.readStaticField(root.group(1));
                assertNotNull(field, root.group(2) + " has its static " + root.group(1));
                assertTrue(field.getValue().isNonNullReference(), "the static " + root.group(1) + " holds something");
            }
        }
    }

    /**
     * Old-object samples of the class, or held through an instance of it: as with {@code heap roots}, a small owner
     * is sampled less often than what it owns, and either kind of sample leads to the same root.
     */
    private static long oldObjectSamples(Path jfr, String className) throws IOException {
        // JFR spells array classes as Java source does.
        Set<String> names = className.equals("[B") ? Set.of("[B", "byte[]") : Set.of(className);
        long count = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (event.getEventType().getName().equals("jdk.OldObjectSample")
                    && heldThrough(event.getValue("object"), names)) {
                count++;
            }
        }
        return count;
    }

    private static boolean heldThrough(RecordedObject object, Set<String> names) {
        for (int step = 0; object != null && step < 64; step++) {
            RecordedClass type = object.getValue("type");
            if (type != null && names.contains(type.getName())) {
                return true;
            }
            RecordedObject referrer = object.getValue("referrer");
            object = referrer == null ? null : referrer.getValue("object");
        }
        return false;
    }

    private static String run(DrillSession session, Command command, String... args) throws Exception {
        return QuietDrill.run(command, session, args);
    }

    private String jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Path out = Files.createTempFile(dir, "jcmd", ".txt");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("jcmd " + String.join(" ", command) + " did not finish");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    private static long instancesIn(String histogram, String className) {
        Matcher m = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)",
                Pattern.MULTILINE).matcher(histogram);
        assertTrue(m.find(), className + " in jcmd's histogram");
        return Long.parseLong(m.group(1));
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return Double.parseDouble(m.group(1));
    }

    private static String simpleName(String className) {
        if (className.startsWith("[")) {
            return className;
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
