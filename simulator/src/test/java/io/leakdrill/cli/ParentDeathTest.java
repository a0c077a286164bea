package io.leakdrill.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.grader.Transcript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `kill -9` of a running drill: its CRM must go within two seconds and the transcript must stay intact. */
class ParentDeathTest {

    @TempDir
    Path dir;

    @Test
    void theCrmEndsWhenTheDrillIsKilledAndTheTranscriptSurvives() throws Exception {
        Path script = dir.resolve("script.txt");
        Files.writeString(script, "status\nwait 3h\n");
        Path transcript = dir.resolve("t.jsonl");
        Process drill = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dleakdrill.scenarios=" + System.getProperty("leakdrill.scenarios"),
                Main.class.getName(), "play", "--script", script.toString(), "--speed", "60", "--seed", "1",
                "--dir", dir.resolve("drill").toString(), "--transcript", transcript.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        AtomicLong crmPid = new AtomicLong();
        try {
            await("the drill is live").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> readyPid(transcript).map(pid -> {
                        crmPid.set(pid);
                        return true;
                    }).orElse(false) && Files.readString(transcript).contains("\"type\":\"sample\""));
            Optional<ProcessHandle> crm = ProcessHandle.of(crmPid.get());
            assertTrue(crm.isPresent() && crm.get().isAlive(), "the CRM runs while the drill does");

            drill.destroyForcibly();
            assertTrue(drill.waitFor(10, TimeUnit.SECONDS));
            await("the CRM ends after its drill was killed").atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(20)).until(() -> exited(crm.get()));
        } finally {
            drill.destroyForcibly();
            ProcessHandle.of(crmPid.get()).ifPresent(ProcessHandle::destroyForcibly);
        }
        Transcript parsed = Transcript.parse(new StringReader(Files.readString(transcript)));
        assertFalse(parsed.complete(), "a killed drill's transcript has no end event");
        assertTrue(parsed.events().stream().anyMatch(e -> e.getString("type").equals("command")));
    }

    // An exited process whose new parent (the orphan reaper) has not reaped it yet still answers isAlive();
    // on Linux its state in /proc says it is a zombie: the JVM is gone and holds nothing but a pid.
    private static boolean exited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static Optional<Long> readyPid(Path transcript) throws Exception {
        if (!Files.exists(transcript)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(transcript);
        for (String line : lines) {
            if (line.contains("\"type\":\"ready\"")) {
                JsonObject ready = Json.createReader(new StringReader(line)).readObject();
                return Optional.of(ready.getJsonNumber("crmPid").longValue());
            }
        }
        return Optional.empty();
    }
}
