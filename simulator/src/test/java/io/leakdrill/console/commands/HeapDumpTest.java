package io.leakdrill.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Drill;
import io.leakdrill.testing.QuietDrill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlin.sequences.SequencesKt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shark.CloseableHeapGraph;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;
import shark.HprofHeapGraph;
import shark.HprofIndex;

/**
 * `heap dump` on a live drill, read back with Square's Shark HPROF parser: the file a trainee would open in Eclipse
 * MAT must really show the leaking session cache and what it holds.
 */
class HeapDumpTest {

    private static final Pattern WRITTEN = Pattern.compile("written to (\\S+\\.hprof)\\R([\\d.]+) MB; the CRM stood "
            + "still for (\\d+) ms");

    @TempDir
    Path dir;

    private Drill drill;
    private DrillSession session;

    @BeforeEach
    void start() throws Exception {
        drill = QuietDrill.start(dir);
        session = new DrillSession(drill);
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    void theDumpLandsInTheDrillsFolderAndHoldsTheLeakingSessionCache() throws Exception {
        Command.Result result = new HeapCommand().run(List.of("dump"), session);
        assertTrue(result.ok(), result.text());
        Matcher written = WRITTEN.matcher(result.text());
        assertTrue(written.find(), result.text());
        assertTrue(result.text().contains("Eclipse MAT or VisualVM"), result.text());
        Path file = Path.of(written.group(1));
        assertEquals(dir.resolve("drill").toRealPath(), file.getParent().toRealPath(), "beside the drill's logs");
        assertTrue(file.getFileName().toString().matches("heap-\\d{4}-1\\.hprof"), file.toString());
        long size = Files.size(file);
        assertTrue(size > 1_000_000, "a real heap, not a stub: " + size + " bytes");
        assertTrue(Files.readAllLines(dir.resolve("drill.jsonl")).stream().anyMatch(line ->
                line.contains("\"kind\":\"heap-dump\"") && line.contains(file.getFileName().toString())
                        && line.contains("\"bytes\":" + size) && line.contains("\"pauseMs\":")),
                "the dump is recorded as evidence with its size and pause");

        try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(file.toFile(), null,
                HprofIndex.Companion.defaultIndexedGcRootTags())) {
            HeapClass deal = graph.findClassByName("io.leakdrill.crm.session.DealSummary");
            assertNotNull(deal, "the leaked deal summaries are in the dump");
            int deals = SequencesKt.count(deal.getInstances());
            assertTrue(deals > 1000, deals + " DealSummary instances");

            HeapClass cache = graph.findClassByName("io.leakdrill.crm.session.ConcurrentSessionCache");
            assertNotNull(cache, "the leaking cache's class is in the dump");
            HeapInstance sessions = cache.readStaticField("SESSIONS").getValueAsInstance();
            assertNotNull(sessions, "its static SESSIONS map is there");
            assertEquals("java.util.concurrent.ConcurrentHashMap", sessions.getInstanceClassName());
            HeapObjectArray table = sessions.readField("java.util.concurrent.ConcurrentHashMap", "table")
                    .getValueAsObjectArray();
            int buckets = SequencesKt.count(SequencesKt.filter(table.readElements(), v -> v.isNonNullReference()));
            assertTrue(buckets > 100, "the map holds many sessions: " + buckets + " occupied buckets");
        }

        assertTrue(new HeapCommand().run(List.of("dump"), session).text().contains("-2.hprof"),
                "a second dump gets the next number");
        IOException refused = assertThrows(IOException.class,
                () -> drill.crm().admin().heapDump("../escape.hprof", Duration.ofSeconds(10)));
        assertTrue(refused.getMessage().contains("400"), refused.getMessage());
        assertTrue(Files.notExists(dir.resolve("escape.hprof")));
    }
}
