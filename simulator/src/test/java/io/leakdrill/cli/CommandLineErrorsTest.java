package io.leakdrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineErrorsTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Io(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandSuggestsTheClosest() {
        Run r = run("pley");
        assertEquals(Main.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("did you mean `play`?"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one clear line");
    }

    @Test
    void validateListsEveryProblemWithPathAndLineAndExitsTwo(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("memory-leak-mayhem.json");
        Files.writeString(broken, ScenarioReaderText.seed().replace("\"users\": 30", "\"users\": \"many\""));
        Run r = run("validate", broken.toString());
        assertEquals(Main.INVALID_INPUT, r.code());
        assertTrue(r.err().matches("(?s).*memory-leak-mayhem\\.json:\\d+: \\$\\.traffic\\.users: expected a number.*"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace");
    }

    @Test
    void playingABrokenScenarioIsAUserErrorNamingPathAndLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("memory-leak-mayhem.json");
        Files.writeString(broken, ScenarioReaderText.seed().replace("\"heapMb\": 64", "\"heapMb\": 64, \"x\": 1"));
        Run r = run("play", broken.toString(), "--dir", dir.resolve("d").toString());
        assertEquals(Main.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("$.crm.x (line "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void gradingAMissingTranscriptIsAUserError() {
        Run r = run("grade", "/no/such/transcript.jsonl");
        assertEquals(Main.INVALID_INPUT, r.code());
        assertTrue(r.err().startsWith("leakdrill: no transcript at"), r.err());
    }

    @Test
    void listShowsTheSeedScenarioAsDefault() {
        Run r = run("list");
        assertEquals(Main.OK, r.code());
        assertTrue(r.out().contains("memory-leak-mayhem"), r.out());
        assertTrue(r.out().contains("(default)"), r.out());
    }

    @Test
    void versionPrintsTheVersion() {
        Run r = run("--version");
        assertEquals(Main.OK, r.code());
        assertTrue(r.out().startsWith("leakdrill "), r.out());
    }

    /** The shipped seed scenario's text. */
    static final class ScenarioReaderText {
        static String seed() throws Exception {
            return Files.readString(Path.of(System.getProperty("leakdrill.scenarios"), "memory-leak-mayhem.json"));
        }
    }
}
