package io.leakdrill.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.LeakdrillRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `heap roots` traces leaked objects to the static field that holds them, in whichever component leaks. */
class HeapRootsTest {

    @TempDir
    Path dir;

    private String play(String variant, String needle, int speed, String wait) throws Exception {
        Path script = dir.resolve(variant + ".txt");
        Files.writeString(script, "heap roots " + needle + "\nwait " + wait + "\nheap roots " + needle + "\nquit\n");
        LeakdrillRun run = LeakdrillRun.of("play", "--script", script.toString(), "--speed", Integer.toString(speed),
                "--seed", "3", "--variant", variant, "--dir", dir.resolve(variant).toString());
        assertEquals(0, run.exitCode(), run::err);
        return run.out();
    }

    // Near the end of the leak, when the CRM has a few MB of heap left: reading the recording inside the CRM once
    // ran it out of memory there; the drill reads the dumped file instead, which stays for Mission Control. Not at
    // the very end: this variant runs out near +60 min, not its +80 target (the keep-alive buffers in the issue 4
    // notes), and a CRM that is out of memory itself answers 503 to every request, this one included.
    @Test
    void leakedSessionsLeadBackToTheSessionCachesStaticMapWhenTheHeapIsNearlyFull() throws Exception {
        String output = play("sessions", "DealSummary", 180, "48m");
        assertTrue(output.contains("Started a flight recording"), output);
        assertTrue(output.contains("static SESSIONS of io.leakdrill.crm.session.ConcurrentSessionCache"), output);
        assertTrue(output.contains("io.leakdrill.crm.session.UserContext.pipeline"), output);
        try (Stream<Path> files = Files.list(dir.resolve("sessions"))) {
            List<String> recordings = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jfr"))
                    .toList();
            assertEquals(1, recordings.size(), "the dumped recording stays in the drill's folder: " + recordings);
            assertTrue(output.contains(recordings.get(0)), "and the answer names it");
        }
    }

    @Test
    void leakedReportsLeadBackToTheReportCachesStaticMap() throws Exception {
        String output = play("reports", "CachedReport", 60, "6m");
        assertTrue(output.contains("static REPORTS of io.leakdrill.crm.report.PipelineReportCache"), output);
    }
}
