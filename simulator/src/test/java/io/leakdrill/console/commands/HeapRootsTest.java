package io.leakdrill.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.cli.Io;
import io.leakdrill.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"play", "--script", script.toString(), "--speed", "60", "--seed", "3",
            "--variant", variant, "--dir", dir.resolve(variant).toString()}, new Io(new ByteArrayInputStream(
                new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(0, code, () -> err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
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
