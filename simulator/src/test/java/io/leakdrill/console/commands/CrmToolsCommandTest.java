package io.leakdrill.console.commands;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import io.leakdrill.world.monitor.Sample;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainee's `gc`, `memory`, `threads` and `logs` on a live drill: real JVM facilities read from a real CRM. */
class CrmToolsCommandTest {

    @TempDir
    Path dir;

    private Drill drill;
    private DrillSession session;

    @BeforeEach
    void start() throws Exception {
        drill = Drill.start(new DrillOptions(ScenarioCatalog.standard().load("memory-leak-mayhem"),
                new Scenario.Variant("quiet", "session-cache", "session-cache-eviction", List.of()), 4, 20,
                dir.resolve("drill"), dir.resolve("drill.jsonl"), "test", Clock.systemUTC()));
        session = new DrillSession(drill);
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    private String run(Command command, String... args) throws Exception {
        Command.Result result = command.run(List.of(args), session);
        assertTrue(result.ok(), result.text());
        return result.text();
    }

    @Test
    void memoryShowsThePoolsTheResidentSetAndNativeMemory() throws Exception {
        String memory = run(new MemoryCommand());
        assertTrue(memory.contains("Metaspace"), memory);
        assertTrue(memory.contains("Compressed Class Space") && memory.contains("CodeCache"), memory);
        assertTrue(memory.contains("direct") && memory.contains("mapped"), memory);
        Matcher rss = Pattern.compile("Resident set \\(VmRSS\\): ([\\d.]+) MB").matcher(memory);
        assertTrue(rss.find(), memory);
        assertTrue(Double.parseDouble(rss.group(1)) > 10, "a JVM's resident set is tens of MB:\n" + memory);
        Matcher nmt = Pattern.compile("Native memory tracking: committed ([\\d.]+) MB in total").matcher(memory);
        assertTrue(nmt.find(), memory);
        assertTrue(Double.parseDouble(nmt.group(1)) > Double.parseDouble(rss.group(1)) / 4,
                "NMT's total is of the order of the resident set:\n" + memory);
        assertTrue(memory.contains("Java Heap") && memory.contains("Class"), "top categories are listed:\n" + memory);
        Matcher took = Pattern.compile("the report took ([\\d.]+) ms in the CRM").matcher(memory);
        assertTrue(took.find(), memory);
        double tookMs = Double.parseDouble(took.group(1));
        assertTrue(tookMs > 0, "reading NMT's summary costs the CRM some time:\n" + memory);
        assertEquals(tookMs, lastEvidence("memory").getJsonNumber("tookMs").doubleValue(), "recorded as evidence");
    }

    @Test
    void threadsGroupsTheCrmsHttpWorkers() throws Exception {
        String threads = run(new ThreadsCommand());
        Matcher workers = Pattern.compile("^\\s*(\\d+)\\s+http-worker$", Pattern.MULTILINE).matcher(threads);
        assertTrue(workers.find(), threads);
        assertTrue(Integer.parseInt(workers.group(1)) > 1, "the pool's workers count as one group:\n" + threads);
        assertFalse(threads.contains("http-worker-1\n"), threads);
        assertTrue(threads.contains("By state:") && threads.contains("RUNNABLE"), threads);
        JsonObject dump = drill.crm().admin().threads(Duration.ofSeconds(10));
        assertEquals(dump.getInt("count"), dump.getJsonObject("byGroup").values().stream()
                .mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue()).sum(), "every thread is in a group");
        Matcher took = Pattern.compile("The dump took ([\\d.]+) ms in the CRM").matcher(threads);
        assertTrue(took.find(), threads);
        double tookMs = Double.parseDouble(took.group(1));
        assertTrue(tookMs > 0, "a thread dump stops the CRM at a safepoint, which takes time:\n" + threads);
        assertEquals(tookMs, lastEvidence("threads").getJsonNumber("tookMs").doubleValue(), "recorded as evidence");
    }

    @Test
    void logsReadTheCurrentCrmsLogFile() throws Exception {
        String listening = run(new LogsCommand(), "--grep", "listening");
        assertTrue(listening.contains("CRM listening on 127.0.0.1:" + drill.crm().port()), listening);
        String last = run(new LogsCommand(), "--tail", "1");
        assertEquals(2, last.lines().count(), "a header and one line:\n" + last);
        assertTrue(last.startsWith(drill.crm().process().stdout().getFileName().toString() + ": 1 of "), last);
        assertTrue(Files.readAllLines(drill.crm().process().stdout()).contains(last.lines().skip(1).findFirst()
                .orElseThrow()), "the line shown is from the CRM's log file:\n" + last);
        String none = run(new LogsCommand(), "--grep", "no line says this");
        assertTrue(none.contains("(0 contain 'no line says this')"), none);
        assertThrows(UsageException.class, () -> new LogsCommand().run(List.of("--tail", "0"), session));
        assertThrows(UsageException.class, () -> new LogsCommand().run(List.of("--grep"), session));
        assertTrue(transcript().contains("\"kind\":\"logs\""), "recorded as evidence");
    }

    @Test
    void outOfMemoryLinesKeepTheirDetail() {
        String oom = "Exception in thread \"http-worker-3\" java.lang.OutOfMemoryError: " + "x".repeat(300)
                + " Direct buffer memory";
        assertEquals(oom, LogsCommand.clip(oom));
        assertTrue(LogsCommand.clip("INFO " + "y".repeat(400)).endsWith(" ..."));
    }

    @Test
    void gcCountsTheCrmsOwnYoungAndFullCollections() throws Exception {
        await("three samples of the CRM under load").atMost(Duration.ofSeconds(20))
                .until(() -> drill.samples().last(10).stream().filter(Sample::crmUp).count() >= 3);
        List<long[]> before = counts(run(new GcCommand()));
        assertFalse(before.isEmpty());
        assertTrue(before.get(before.size() - 1)[0] > 0, "the CRM's traffic fills eden: young collections ran");
        JsonObject evidence = lastEvidence("gc");
        assertEquals(before.get(before.size() - 1)[1], evidence.getJsonNumber("fullGcCount").longValue(),
                "the evidence holds the table's last full GC count");
        assertTrue(evidence.containsKey("slopeBytesPerMinute") && evidence.containsKey("oldAfterGcRatio"), evidence
                .toString());

        run(new HeapCommand(), "histo");
        double histoAt = drill.clock().elapsedSeconds();
        await("a sample after the histogram").atMost(Duration.ofSeconds(20)).until(() -> drill.samples().latest()
                .filter(s -> s.crmUp() && s.atSeconds() > histoAt).isPresent());
        List<long[]> after = counts(run(new GcCommand(), "20"));
        assertTrue(after.size() > before.size(), "`gc 20` shows more rows than the default once there are samples");
        for (int i = 1; i < after.size(); i++) {
            assertTrue(after.get(i)[0] >= after.get(i - 1)[0] && after.get(i)[1] >= after.get(i - 1)[1],
                    "one process's counters never go back: row " + i);
        }
        long[] last = after.get(after.size() - 1);
        assertTrue(last[1] > before.get(before.size() - 1)[1], "the histogram forced a full GC, and FGC shows it");
        assertTrue(last[0] > last[1], "a CRM serving traffic collects its young generation far more often than it"
                + " runs full GCs; equal columns would mean one counter shown twice: " + last[0] + " vs " + last[1]);
        assertThrows(UsageException.class, () -> new GcCommand().run(List.of("1"), session));
        assertThrows(UsageException.class, () -> new GcCommand().run(List.of("ten"), session));
    }

    /** YGC and FGC of each row the CRM answered, read back from the table as a trainee reads it. */
    private static List<long[]> counts(String table) {
        List<long[]> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (line.matches("\\d\\d:\\d\\d:\\d\\d .*") && !line.contains("CRM down")) {
                String[] cells = line.trim().split("\\s+");
                rows.add(new long[] {Long.parseLong(cells[cells.length - 5]), Long.parseLong(cells[cells.length - 3])});
            }
        }
        return rows;
    }

    private JsonObject lastEvidence(String kind) throws Exception {
        JsonObject last = null;
        for (String line : Files.readAllLines(dir.resolve("drill.jsonl"))) {
            JsonObject event = Json.createReader(new StringReader(line)).readObject();
            if (event.getString("type").equals("evidence") && event.getString("kind").equals(kind)) {
                last = event;
            }
        }
        assertTrue(last != null, "no " + kind + " evidence in the transcript");
        return last;
    }

    private String transcript() throws Exception {
        return Files.readString(dir.resolve("drill.jsonl"));
    }
}
