package io.leakdrill.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.LeakdrillRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `heap roots` traces leaked objects to the static field that holds them, in whichever component leaks. */
class HeapRootsTest {

    @TempDir
    Path dir;

    private String play(String variant, String needle) throws Exception {
        Path script = dir.resolve(variant + ".txt");
        Files.writeString(script, "heap roots " + needle + "\nwait 6m\nheap roots " + needle + "\nquit\n");
        LeakdrillRun run = LeakdrillRun.of("play", "--script", script.toString(), "--speed", "60", "--seed", "3",
                "--variant", variant, "--dir", dir.resolve(variant).toString());
        assertEquals(0, run.exitCode(), run::err);
        return run.out();
    }

    @Test
    void leakedSessionsLeadBackToTheSessionCachesStaticMap() throws Exception {
        String output = play("sessions", "DealSummary");
        assertTrue(output.contains("Started a flight recording"), output);
        assertTrue(output.contains("static SESSIONS of io.leakdrill.crm.session.ConcurrentSessionCache"), output);
        assertTrue(output.contains("io.leakdrill.crm.session.UserContext.pipeline"), output);
    }

    @Test
    void leakedReportsLeadBackToTheReportCachesStaticMap() throws Exception {
        String output = play("reports", "CachedReport");
        assertTrue(output.contains("static REPORTS of io.leakdrill.crm.report.PipelineReportCache"), output);
    }
}
