package io.leakdrill.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A scripted `play` in a fresh JVM, as a user starts one, for the benchmarks: its transcript is what they read. */
final class FreshPlay {

    private FreshPlay() {
    }

    /**
     * Plays {@code scenarioId} headless with {@code script} in {@code dir} and returns the transcript it wrote.
     *
     * @throws DrillFailure if the drill does not finish in time or fails; its output is left in {@code dir}
     */
    static Path play(String scenarioId, Path script, Path dir, List<String> arguments, Duration timeout)
            throws Exception {
        Files.createDirectories(dir);
        Path transcript = dir.resolve("t.jsonl");
        // Started as this JVM was (the launcher's flags: C1 only, the class data archive, where scenarios are), so
        // figures are what a user of `./leakdrill play` sees. Recording an archive is the launcher's first run
        // only, not the bench's.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> !flag.startsWith("-XX:ArchiveClassesAtExit")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(Main.class.getName(), "play", scenarioId, "--script", script.toString(),
                "--dir", dir.toString(), "--transcript", transcript.toString()));
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new DrillFailure("bench drill did not finish in " + timeout.toSeconds() + " s; see " + dir, null);
        }
        if (p.exitValue() != Main.OK) {
            throw new DrillFailure("bench drill exited with " + p.exitValue() + "; see " + dir.resolve("err.txt"),
                    null);
        }
        return transcript;
    }
}
