package io.leakdrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.LeakdrillRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineErrorsTest {

    static LeakdrillRun run(String... args) {
        return LeakdrillRun.of(args);
    }

    @Test
    void anUnknownCommandSuggestsTheClosest() {
        LeakdrillRun r = run("pley");
        assertEquals(Main.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("did you mean `play`?"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one clear line");
    }

    @Test
    void validateListsEveryProblemWithPathAndLineAndExitsTwo(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("memory-leak-mayhem.json");
        Files.writeString(broken, ScenarioReaderText.seed().replace("\"users\": 30", "\"users\": \"many\""));
        LeakdrillRun r = run("validate", broken.toString());
        assertEquals(Main.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().matches("(?s).*memory-leak-mayhem\\.json:\\d+: \\$\\.traffic\\.users: expected a number.*"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace");
    }

    @Test
    void playingABrokenScenarioIsAUserErrorNamingPathAndLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("memory-leak-mayhem.json");
        Files.writeString(broken, ScenarioReaderText.seed().replace("\"heapMb\": 64", "\"heapMb\": 64, \"x\": 1"));
        LeakdrillRun r = run("play", broken.toString(), "--dir", dir.resolve("d").toString());
        assertEquals(Main.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("$.crm.x (line "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void gradingAMissingTranscriptIsAUserError() {
        LeakdrillRun r = run("grade", "/no/such/transcript.jsonl");
        assertEquals(Main.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("leakdrill: no transcript at"), r.err());
    }

    @Test
    void listShowsTheSeedScenarioAsDefault() {
        LeakdrillRun r = run("list");
        assertEquals(Main.OK, r.exitCode());
        assertTrue(r.out().contains("memory-leak-mayhem"), r.out());
        assertTrue(r.out().contains("(default)"), r.out());
    }

    @Test
    void versionPrintsTheVersion() {
        LeakdrillRun r = run("--version");
        assertEquals(Main.OK, r.exitCode());
        assertTrue(r.out().startsWith("leakdrill "), r.out());
    }

    /** The shipped seed scenario's text. */
    static final class ScenarioReaderText {
        static String seed() throws Exception {
            return Files.readString(Path.of(System.getProperty("leakdrill.scenarios"), "memory-leak-mayhem.json"));
        }
    }
}
