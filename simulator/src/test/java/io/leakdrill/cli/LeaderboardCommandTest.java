package io.leakdrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.LeakdrillRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardCommandTest {

    private static final Path SCENARIOS = Path.of(System.getProperty("leakdrill.scenarios"));

    @TempDir
    Path dir;

    @Test
    void ranksEveryTranscriptUnderTheFolderAndNamesTheBrokenOneOnStderr() throws Exception {
        // Drills write DIR/<drill id>/transcript.jsonl; loose files one level up count too.
        write("20261125-100000-alice/transcript.jsonl", drill("memory-leak-mayhem", "alice", "2026-11-25T10:00:00Z",
                true));
        write("20261124-090000-alice/transcript.jsonl", drill("memory-leak-mayhem", "alice", "2026-11-24T09:00:00Z",
                false));
        write("bob.jsonl", drill("memory-leak-mayhem", "bob", "2026-11-24T12:00:00Z", false));
        write("deal/room/carol.jsonl", drill("live-deal-room", "carol", "2026-11-26T08:00:00Z", true));
        write("broken.jsonl", List.of(drill("memory-leak-mayhem", "dave", "2026-11-26T08:00:00Z", true).get(0),
                "{\"seq\": 1, oops", "{\"seq\":2,\"type\":\"end\",\"at\":1.0,\"reason\":\"quit\"}"));
        write("notes.txt", List.of("not a transcript"));

        LeakdrillRun r = LeakdrillRun.of("leaderboard", dir.toString());

        assertEquals(Main.OK, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line for the broken file: " + r.err());
        assertTrue(r.err().startsWith("leakdrill: skipped " + dir.resolve("broken.jsonl") + ": line 2: malformed JSON"),
                r.err());
        assertTrue(r.out().startsWith("Leak Drill leaderboard: 4 drills of 2 scenarios\n"), r.out());
        int deals = r.out().indexOf("\nlive-deal-room - Live Deal Room: a week after launch (1 drill, 1 trainee)\n");
        int mayhem = r.out().indexOf("\nmemory-leak-mayhem - Memory Leak Mayhem (3 drills, 2 trainees)\n");
        assertTrue(deals > 0 && mayhem > deals, "both scenarios, in id order: " + r.out());
        List<String> ranked = r.out().lines().filter(l -> l.matches(" +\\d+  .*")).toList();
        assertEquals(4, ranked.size(), r.out());
        assertTrue(ranked.get(0).matches("  1  carol .* edge-blamed"), ranked.get(0));
        assertTrue(r.out().contains(ranked.get(0) + "\n     deal/room/carol.jsonl\n"),
                "a source too long for the row gets a line of its own: " + r.out());
        assertTrue(ranked.get(1).matches("  1  alice .*2026-11-25 10:00  sessions"), ranked.get(1));
        assertTrue(ranked.get(2).matches("  2  alice .*2026-11-24 09:00 .*incomplete.*"), ranked.get(2));
        assertTrue(ranked.get(3).matches("  3  bob .*incomplete  bob.jsonl"), ranked.get(3));
        assertTrue(r.out().contains("     20261125-100000-alice/transcript.jsonl\n"),
                "a drill folder's transcript is named by its folder: " + r.out());
        assertTrue(r.out().matches("(?s).*\n  alice +\\+\\d+  \\d+ -> \\d+\n.*"), "alice's trend: " + r.out());
        assertEquals(r.out(), LeakdrillRun.of("leaderboard", dir.toString()).out(), "the board is deterministic");
    }

    @Test
    void followsALinkedFolder(@TempDir Path elsewhere) throws Exception {
        Files.write(Files.createDirectories(elsewhere.resolve("drill")).resolve("transcript.jsonl"),
                drill("memory-leak-mayhem", "alice", "2026-11-25T10:00:00Z", true));
        Files.createSymbolicLink(dir.resolve("drills"), elsewhere);

        LeakdrillRun r = LeakdrillRun.of("leaderboard", dir.toString());

        assertEquals(Main.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n     drills/drill/transcript.jsonl\n"), r.out());
    }

    @Test
    void aMissingFolderIsOneClearLine() {
        LeakdrillRun r = LeakdrillRun.of("leaderboard", dir.resolve("nowhere").toString());

        assertEquals(Main.INVALID_INPUT, r.exitCode());
        assertEquals("leakdrill: no folder at " + dir.resolve("nowhere")
                + "; give the folder drills write to, such as ~/.leakdrill/drills", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aFolderWithoutTranscriptsIsOneClearLine() throws Exception {
        write("notes.txt", List.of("not a transcript"));

        LeakdrillRun r = LeakdrillRun.of("leaderboard", dir.toString());

        assertEquals(Main.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("leakdrill: no transcripts (*.jsonl) under " + dir + "; "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aFolderOfUnreadableTranscriptsNamesEachThenSaysSo() throws Exception {
        write("a.jsonl", List.of("{\"type\":\"chat\"}"));
        write("b.jsonl", List.of(""));

        LeakdrillRun r = LeakdrillRun.of("leaderboard", dir.toString());

        assertEquals(Main.INVALID_INPUT, r.exitCode());
        assertEquals(List.of(
                "leakdrill: skipped " + dir.resolve("a.jsonl") + ": line 1: invalid header: \"type\" must be"
                        + " \"drill\"; is this a Leak Drill transcript?",
                "leakdrill: skipped " + dir.resolve("b.jsonl") + ": line 1: missing header: the transcript is empty",
                "leakdrill: none of the 2 transcripts under " + dir + " could be read (each is named above); check"
                        + " they are Leak Drill transcripts"), r.err().lines().toList());
        assertEquals("", r.out());
    }

    private void write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    /** A short drill of a shipped scenario: an alert, acknowledged quickly by a good drill, and the end. */
    private static List<String> drill(String scenarioId, String trainee, String realStart, boolean good)
            throws Exception {
        JsonObject scenario;
        try (Reader reader = Files.newBufferedReader(SCENARIOS.resolve(scenarioId + ".json"))) {
            scenario = Json.createReader(reader).readObject();
        }
        String variant = scenario.getJsonArray("variants").getJsonObject(0).getString("id");
        List<String> lines = new ArrayList<>();
        lines.add(Json.createObjectBuilder().add("type", "drill").add("format", 1).add("seq", 0)
                .add("drillId", trainee).add("trainee", trainee).add("seed", 1).add("variant", variant)
                .add("realStart", realStart).add("scenario", scenario).build().toString());
        lines.add(event(1, 120, "alert").add("alert", "A1").add("rule", "crm-heap-high").add("state", "firing")
                .build().toString());
        if (good) {
            lines.add(event(2, 150, "ack").add("alerts", Json.createArrayBuilder().add("A1")).build().toString());
            lines.add(event(3, 200, "update").add("text", "Investigating the CRM's memory").build().toString());
            lines.add(event(4, 600, "end").add("reason", "resolve").build().toString());
        }
        return lines;
    }

    private static jakarta.json.JsonObjectBuilder event(long seq, double at, String type) {
        return Json.createObjectBuilder().add("seq", seq).add("type", type).add("at", at)
                .add("real", 1_700_000_000_000L + seq);
    }
}
