package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leakdrill.testing.LeakdrillRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scripted drills played headless once per test run and shared between test classes: the grading panel's expert is
 * the very reference solution the self-test plays, and each play costs half a minute of both cores. Transcripts stay
 * in {@code target/played-drills} for a look after a failure.
 */
final class PlayedDrills {

    private static final Path SCENARIOS = Path.of(System.getProperty("leakdrill.scenarios"));
    private static final Path DIR = Path.of("target", "played-drills").toAbsolutePath();
    private static final Map<String, Path> PLAYED = new HashMap<>();

    private PlayedDrills() {
    }

    /** The transcript of {@code script} played by {@code trainee} on a scenario's variant at {@code speed}. */
    static synchronized Path play(String scenario, String variant, String trainee, String script, int speed,
            long seed) throws IOException {
        String name = scenario + "-" + variant + "-" + trainee + "-x" + speed + "-s" + seed + "-"
                + Integer.toHexString(script.hashCode());
        Path played = PLAYED.get(name);
        if (played != null) {
            return played;
        }
        Path folder = DIR.resolve(name);
        Path transcript = DIR.resolve(name + ".jsonl");
        deleteTree(folder);
        Files.deleteIfExists(transcript);
        Files.deleteIfExists(output(transcript));
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name + ".txt");
        Files.writeString(file, script);
        LeakdrillRun run = LeakdrillRun.of("play", SCENARIOS.resolve(scenario + ".json").toString(),
                "--script", file.toString(), "--speed", Integer.toString(speed), "--seed", Long.toString(seed),
                "--variant", variant, "--dir", folder.toString(), "--transcript", transcript.toString(),
                "--trainee", trainee);
        assertEquals(0, run.exitCode(), () -> trainee + " on " + scenario + "/" + variant + ": exit code; stderr: "
                + run.err());
        Files.writeString(output(transcript), run.out());
        // No test reads a drill's heap dumps, and at tens of MB each they would fill a small disk over a run.
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path dump : paths.filter(p -> p.toString().endsWith(".hprof")).toList()) {
                Files.delete(dump);
            }
        }
        PLAYED.put(name, transcript);
        return transcript;
    }

    /** Where what the drill printed (briefing, console, scorecard) is kept beside its transcript. */
    static Path output(Path transcript) {
        return transcript.resolveSibling(transcript.getFileName().toString().replace(".jsonl", ".out.txt"));
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
