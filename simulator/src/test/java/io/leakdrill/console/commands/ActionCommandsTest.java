package io.leakdrill.console.commands;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.crm.telemetry.ProcStatus;
import io.leakdrill.drill.Drill;
import io.leakdrill.testing.QuietDrill;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * `top`, `config`, `rollback` and `autorestart` on one live drill: each changes or reads the real CRM process, and
 * the checks ask that process (its flags, its heap, its CPU time, its log) rather than the command's own words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionCommandsTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    static Path dir;

    private static Drill drill;
    private static DrillSession session;
    private static final List<String> shown = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        drill = QuietDrill.start(dir);
        drill.setSink((tone, line) -> shown.add(line));
        session = new DrillSession(drill);
    }

    @AfterAll
    static void stop() {
        drill.close();
    }

    private static String run(Command command, String... args) throws Exception {
        return QuietDrill.run(command, session, args);
    }

    @Test
    @Order(0)
    void theCrmsCommandLineDoesNotGiveTheLeakAway() {
        // A trainee at a shell runs `ps` or `jcmd VM.command_line` before anything else.
        String variant = drill.options().variant().leakingComponent();
        List<String> arguments = List.of(ProcessHandle.of(drill.crm().process().pid()).orElseThrow().info()
                .arguments().orElseThrow());
        assertTrue(arguments.stream().noneMatch(a -> a.contains(variant)),
                "the CRM's command line names " + variant + ": " + arguments);
    }

    // First: no restart has happened yet, so the watchdog's five-minute gap does not hold it back.
    @Test
    @Order(1)
    void autorestartRestartsTheCrmWhenItsRuleHoldsAndMarksItABandAid() throws Exception {
        long pid = drill.crm().process().pid();
        assertThrows(UsageException.class, () -> new AutorestartCommand().run(List.of("on", "--when",
                "old_gen_ratio", ">", "0.5"), session), "an unknown metric is a usage error");
        assertThrows(UsageException.class, () -> new AutorestartCommand().run(List.of("on", "--when",
                "old_gen_after_gc_ratio", ">", "1.5"), session), "a rule that can never hold");
        assertThrows(UsageException.class, () -> new AutorestartCommand().run(List.of("maybe"), session));
        try {
            // The quiet drill starts with its heap floor near 72%: this rule holds on the next sample.
            String on = run(new AutorestartCommand(), "on", "--when", "old_gen_after_gc_ratio", ">", "0.3");
            assertTrue(on.contains("old_gen_after_gc_ratio > 0.3"), on);
            // The drill records the restart, then shows its line: wait for both, or the check below races the show.
            await().alias("the watchdog restarts the CRM and says so").atMost(Duration.ofSeconds(30))
                    .until(() -> !events("restart").isEmpty() && shown.stream().anyMatch(l -> l.startsWith(
                            "AUTORESTART ")));
        } finally {
            run(new AutorestartCommand(), "off");
        }
        JsonObject restart = events("restart").get(0);
        assertEquals("autorestart", restart.getString("reason"));
        assertEquals(pid, restart.getJsonNumber("previousPid").longValue());
        assertEquals(drill.crm().process().pid(), restart.getJsonNumber("pid").longValue());
        assertTrue(restart.getBoolean("bandAid") && restart.getBoolean("hidesLeak"), restart.toString());
        assertTrue(restart.getJsonNumber("value").doubleValue() > 0.3, restart.toString());
        assertTrue(drill.crm().process().isAlive());
        assertTrue(shown.stream().anyMatch(l -> l.startsWith("AUTORESTART old_gen_after_gc_ratio > 0.3 held")),
                shown.toString());
        List<JsonObject> states = events("autorestart");
        assertEquals(List.of("on", "off"), states.stream().map(e -> e.getString("state")).toList());
        assertEquals("old_gen_after_gc_ratio > 0.3", states.get(0).getString("rule"));
        assertTrue(run(new AutorestartCommand()).contains("off"));
    }

    @Test
    @Order(2)
    void topShowsTheCpuTimeAndResidentSetOfTheCrmProcess() throws Exception {
        await().alias("two monitor readings of this process's CPU").atMost(Duration.ofSeconds(20))
                .until(() -> drill.cpu().of(drill.crm().process().pid()).size() >= 2);
        long pid = drill.crm().process().pid();
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        long cpuBefore = handle.info().totalCpuDuration().orElseThrow().toMillis();
        String top = run(new TopCommand());
        long cpuAfter = handle.info().totalCpuDuration().orElseThrow().toMillis();
        long rssAfter = ProcStatus.of(pid).orElseThrow().bytes("VmRSS").orElseThrow();
        assertTrue(top.contains(Long.toString(pid)), top);
        assertTrue(top.contains("CPU % by monitor interval"), top);
        JsonObject evidence = lastEvidence("top");
        assertEquals(pid, evidence.getJsonNumber("pid").longValue());
        long cpuMs = evidence.getJsonNumber("cpuTimeMs").longValue();
        assertTrue(cpuBefore - 20 <= cpuMs && cpuMs <= cpuAfter, "the process's own CPU time: " + cpuBefore
                + " <= " + cpuMs + " <= " + cpuAfter);
        double cpu = evidence.getJsonNumber("cpuPercent").doubleValue();
        assertTrue(cpu > 0 && cpu <= 100 * Runtime.getRuntime().availableProcessors() + 5,
                "a CRM serving 30 users uses some CPU, at most every core: " + cpu + "\n" + top);
        assertTrue(top.contains(String.format(java.util.Locale.ROOT, "%.1f", cpu)), top);
        long rss = evidence.getJsonNumber("rssBytes").longValue();
        assertTrue(Math.abs(rss - rssAfter) < Math.max(16 * MB, rssAfter / 10),
                "the kernel's resident set: " + rss + " vs " + rssAfter);
        assertTrue(evidence.getJsonNumber("threads").longValue() > 10, "a JVM has tens of threads");
        assertTrue(top.contains(Format.mb(rss)), top);
    }

    @Test
    @Order(3)
    void topSaysSoWhenTheCrmIsDown() throws Exception {
        var process = drill.crm().process();
        ProcessHandle.of(process.pid()).orElseThrow().destroyForcibly();
        await().alias("the CRM is gone").atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
        String top = run(new TopCommand());
        assertTrue(top.contains("CRM process " + process.pid() + " is not running (exited with code"), top);
        assertFalse(lastEvidence("top").getBoolean("crmUp"));
        run(new RestartCommand());
        assertTrue(drill.crm().process().isAlive());
    }

    @Test
    @Order(4)
    void configSetHeapThenRestartGivesTheCrmThatHeap() throws Exception {
        int before = drill.crm().process().launch().heapMb();
        assertThrows(UsageException.class, () -> new ConfigCommand().run(List.of("set", "heap", "256"), session));
        UsageException typo = assertThrows(UsageException.class,
                () -> new ConfigCommand().run(List.of("set", "heap-m", "256"), session));
        assertTrue(typo.getMessage().contains("did you mean heap-mb?") && typo.getMessage().contains("gc"),
                typo.getMessage());
        assertThrows(UsageException.class, () -> new ConfigCommand().run(List.of("set", "heap-mb", "lots"), session));
        assertThrows(UsageException.class, () -> new ConfigCommand().run(List.of("set", "heap-mb", "1"), session));
        assertThrows(UsageException.class, () -> new ConfigCommand().run(List.of("set", "gc", "zgc"), session));

        String set = run(new ConfigCommand(), "set", "heap-mb", "256");
        assertTrue(set.contains("buys time"), "raising the heap is called what it is:\n" + set);
        run(new ConfigCommand(), "set", "gc", "serial");
        String pending = run(new ConfigCommand());
        assertTrue(pending.contains("-Xmx" + before + "m"), "the running flags are unchanged:\n" + pending);
        assertTrue(pending.contains("heap-mb " + before + " -> 256") && pending.contains("gc g1 -> serial"), pending);
        JsonObject config = events("config").get(0);
        assertEquals("heap-mb", config.getString("key"));
        assertEquals("256", config.getString("value"));
        assertEquals(Integer.toString(before), config.getString("previous"));
        assertTrue(config.getBoolean("bandAid"), config.toString());

        run(new RestartCommand());
        var process = drill.crm().process();
        assertTrue(process.jvmFlags().containsAll(List.of("-Xmx256m", "-XX:+UseSerialGC")), process.jvmFlags()
                .toString());
        long max = drill.crm().admin().memory(Duration.ofSeconds(10)).getJsonObject("heap").getJsonNumber("max")
                .longValue();
        // The serial collector reports its maximum without one survivor space.
        assertTrue(max > 200 * MB && max <= 256 * MB, "the CRM's own heap maximum: " + max / MB + " MB");
        String after = run(new ConfigCommand());
        assertTrue(after.contains("-Xmx256m") && after.contains("No pending changes."), after);
    }

    @Test
    @Order(5)
    void rollbackAfterAWrongDeployPutsThePreviousVersionBack() throws Exception {
        assertTrue(run(new RollbackCommand()).startsWith("Nothing to roll back"));
        run(new DeployCommand(), "deals-index");
        long deployedPid = drill.crm().process().pid();
        String rolled = run(new RollbackCommand());
        assertTrue(rolled.contains("Rolled back deals-index"), rolled);
        assertFalse(rolled.contains("plain"), "the version's name stays out of the console:\n" + rolled);
        JsonObject rollback = events("rollback").get(0);
        assertEquals("deals-repository", rollback.getString("component"));
        assertEquals("indexed", rollback.getString("version"));
        assertEquals("plain", rollback.getString("restored"));
        long pid = drill.crm().process().pid();
        assertTrue(pid != deployedPid, "a fresh process brings the old version back");
        // The components reach the CRM on its stdin, out of sight of `ps`: what the process was started with.
        assertEquals("plain", drill.crm().process().launch().components().get("deals-repository"));
        assertTrue(run(new RollbackCommand()).startsWith("Nothing to roll back"), "each deploy is undone once");
    }

    @Test
    @Order(6)
    void rollbackOfAHeapPatchRestoresTheHeapAndRestarts() throws Exception {
        int before = drill.crm().launch().heapMb();
        run(new DeployCommand(), "heap-512m");
        assertTrue(drill.crm().process().jvmFlags().contains("-Xmx512m"));
        String rolled = run(new RollbackCommand());
        assertTrue(rolled.contains("-Xmx" + before + "m"), rolled);
        assertTrue(drill.crm().process().jvmFlags().contains("-Xmx" + before + "m"),
                drill.crm().process().jvmFlags().toString());
        List<JsonObject> restarts = events("restart");
        assertEquals("rollback", restarts.get(restarts.size() - 1).getString("reason"));
        String changes = run(new ChangesCommand());
        assertTrue(changes.contains("rolled back heap-512m") && changes.contains("restarted for the rollback"),
                changes);
    }

    private static List<JsonObject> events(String type) throws Exception {
        return Files.readAllLines(dir.resolve("drill.jsonl")).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .filter(e -> e.getString("type").equals(type)).toList();
    }

    private static JsonObject lastEvidence(String kind) throws Exception {
        List<JsonObject> all = events("evidence").stream().filter(e -> e.getString("kind").equals(kind)).toList();
        assertFalse(all.isEmpty(), "no " + kind + " evidence");
        return all.get(all.size() - 1);
    }
}
