package io.leakdrill.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.cli.Io;
import io.leakdrill.cli.Main;
import io.leakdrill.drill.IncidentClock;
import io.leakdrill.world.edge.EdgeCounts;
import io.leakdrill.world.edge.EdgeStats;
import io.leakdrill.world.edge.TcpPing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetCommandTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    private static String row(String text, String label) {
        return text.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow(() -> new AssertionError(text));
    }

    @Test
    void statsTellOldResetsFromRecentOnesInIncidentTime() {
        ManualClock real = new ManualClock();
        IncidentClock clock = new IncidentClock(real, OffsetDateTime.parse("2021-08-12T15:45:00Z"), 6);
        clock.start();
        Instant resetsAt = real.now.plusSeconds(100);
        real.now = real.now.plusSeconds(200);
        EdgeCounts resets = new EdgeCounts(0, 0, 14, 0, 0, 0, 0, 0, 0);
        EdgeCounts traffic = new EdgeCounts(40, 0, 0, 0, 4_000, 2_000_000, 3, 600_000_000, 0);
        EdgeStats stats = new EdgeStats(real.now.toEpochMilli(), 12, resets.plus(traffic),
                List.of(new EdgeStats.Second(resetsAt.getEpochSecond(), resets),
                        new EdgeStats.Second(real.now.getEpochSecond() - 10, traffic)));

        String text = NetCommand.statsText(stats, clock, 4000, 5000);
        assertTrue(text.startsWith("Edge 127.0.0.1:4000 -> CRM 127.0.0.1:5000; 12 connections open"), text);
        assertTrue(text.contains("LAST 5 MIN"), text);
        // 200 real seconds at x6 is 20 incident minutes; the resets came 100 real seconds (10 incident minutes) in.
        assertEquals(List.of("resets", "(TCP", "RST)", "14", "0", "15:55:00"), words(row(text, "resets")));
        assertEquals(List.of("delayed", "requests", "3", "3", "16:04:00"), words(row(text, "delayed")));
        assertTrue(row(text, "  delay added, average").contains("200 ms"), text);
        assertEquals(List.of("refused", "(no", "CRM", "to", "reach)", "0", "0", "never"),
                words(row(text, "refused")));
        assertTrue(row(text, "bytes CRM -> users").contains("1.9 MB"), text);
    }

    @Test
    void pingShowsConnectTimesAndDownTargets() {
        String text = NetCommand.pingText(List.of(
                new TcpPing.Result("edge", "127.0.0.1", 4000, 5, List.of(80_000L, 120_000L, 100_000L), "refused"),
                new TcpPing.Result("database", "127.0.0.1", -1, 0, List.of(), "no port")));
        assertEquals(List.of("edge", "127.0.0.1:4000", "3/5", "0.08", "ms", "0.10", "ms", "0.12", "ms"),
                words(row(text, "edge")));
        assertTrue(row(text, "database").contains("down"), text);
    }

    private static List<String> words(String line) {
        return List.of(line.strip().split("\\s+"));
    }

    @Test
    void inARealDrillUsersGoThroughTheEdgeAndPingReachesEdgeAndCrm() throws Exception {
        Path script = dir.resolve("net.txt");
        Files.writeString(script, "wait 1m\nnet stats\nnet ping\nnet\nquit\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"play", "--script", script.toString(), "--speed", "120", "--seed", "7",
            "--dir", dir.resolve("drill").toString(), "--transcript", dir.resolve("t.jsonl").toString(),
            "--trainee", "net"}, new Io(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8)));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        Matcher accepted = Pattern.compile("connections accepted\\s+(\\d+)").matcher(text);
        assertTrue(accepted.find(), text);
        assertTrue(Integer.parseInt(accepted.group(1)) > 0, "the users' connections pass the edge\n" + text);
        assertTrue(Pattern.compile("(?m)^edge\\s+127\\.0\\.0\\.1:\\d+\\s+5/5").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^crm\\s+127\\.0\\.0\\.1:\\d+\\s+5/5").matcher(text).find(), text);
        assertTrue(text.contains("usage: net stats | net ping"), text);
        String transcript = Files.readString(dir.resolve("t.jsonl"));
        assertTrue(transcript.contains("\"kind\":\"net-stats\"") && transcript.contains("\"kind\":\"net-ping\""),
                "both are recorded as evidence");
    }
}
