package io.leakdrill.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill in a real pseudo-terminal (tmux), typed at and read off the screen as a trainee sees it: the prompt,
 * Tab completion, colour and Unicode, and a clean end. Skipped where tmux is not installed.
 */
class TerminalEndToEndTest {

    @TempDir
    Path dir;

    // A server of its own, so the test never touches a tmux the developer is using.
    private final String socket = "leakdrill-test-" + ProcessHandle.current().pid();

    @AfterEach
    void killTmux() throws Exception {
        tmux("kill-server");
    }

    @Test
    void aTraineeTypesAtARealTerminalSeesColourAndUnicodeAndEndsTheDrill() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed");
        String colourScreen = playAndQuit("colour", "unset NO_COLOR");
        String colourPlain = Files.readString(dir.resolve("colour.plain.txt"));
        assertTrue(colourScreen.contains("\u001b["), "a terminal shows colour:\n" + colourScreen);
        assertTrue(colourPlain.contains("→") && colourPlain.contains("▁"),
                "a UTF-8 terminal gets Unicode arrows and sparklines:\n" + colourPlain);

        String plainScreen = playAndQuit("nocolor", "export NO_COLOR=1");
        assertFalse(plainScreen.contains("\u001b["), "NO_COLOR turns colour off:\n" + plainScreen);
        assertFalse(plainScreen.contains("→") || plainScreen.contains("▁"), "and Unicode:\n" + plainScreen);
        assertTrue(plainScreen.contains("->"), plainScreen);
    }

    /** Plays a short drill in a fresh tmux window; returns the screen with its colour codes (capture-pane -e). */
    private String playAndQuit(String name, String colourSetting) throws Exception {
        Path folder = dir.resolve(name);
        Path script = dir.resolve(name + ".sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The user's home is the test's folder: the console keeps its history there. At x120 the story's message at
        // +15 min comes 7.5 s in, seconds after `aler` below is typed at about +3, and the window is no longer idle
        // for the 15 s it took at x60.
        Files.writeString(script, String.join("\n", colourSetting, "export LANG=C.UTF-8 LC_ALL=C.UTF-8",
                "exec '" + java + "' -Duser.home='" + dir + "' -Dleakdrill.scenarios='"
                        + System.getProperty("leakdrill.scenarios") + "' -Dleakdrill.runbooks='"
                        + System.getProperty("leakdrill.runbooks") + "' -cp '" + System.getProperty("java.class.path")
                        + "' " + Main.class.getName() + " play --seed 3 --speed 120 --dir '" + folder + "'", ""));
        // The window stays after the drill ends, so that a failure can show what was on the screen. Its shell
        // survives the Ctrl-C typed below (a handler, not an ignore, so the drill still gets the signal), as the
        // user's interactive shell would.
        Path window = dir.resolve(name + ".window.sh");
        Files.writeString(window, "trap true INT\nsh '" + script + "'\necho \"[drill exited: $?]\"\nread line\n");
        tmux("new-session", "-d", "-s", name, "-x", "130", "-y", "50", "sh '" + window + "'");
        awaitScreen(name, "crm>", 60);

        type(name, "wait 2m", "Enter");
        awaitScreen(name, "It is now", 30);
        // Tab completes a unique command name.
        type(name, "sta", "Tab", "Enter");
        awaitScreen(name, "a bar a minute", 30);
        String shown = screen(name, true);
        Files.writeString(dir.resolve(name + ".plain.txt"), screen(name, false));

        // Ctrl-C cancels a running command, and the CRM, in the same process group, is not hurt by it.
        type(name, "wait 60m", "Enter");
        awaitScreen(name, "wait 60m", 10);
        type(name, "C-c");
        awaitScreen(name, "wait: cancelled at", 10);
        Matcher pid = Pattern.compile("\"crmPid\":(\\d+)")
                .matcher(Files.readString(folder.resolve("transcript.jsonl")));
        assertTrue(pid.find());
        assertTrue(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false),
                "the CRM outlives a Ctrl-C typed at the console");

        // A message arrives while a command is half typed: it prints above, and the typing carries on.
        type(name, "aler");
        awaitScreen(name, "Is it the database again?", 60);
        String[] lines = screen(name, false).strip().split("\n");
        assertTrue(lines[lines.length - 1].endsWith("crm> aler"), String.join("\n", lines));
        type(name, "ts", "Enter");
        awaitScreen(name, "STATE", 10);

        // One run ends with `quit`, the other with Ctrl-D: both ask first.
        if (name.equals("colour")) {
            type(name, "quit", "Enter");
        } else {
            type(name, "C-d");
        }
        awaitScreen(name, "End the drill now?", 30);
        type(name, "y", "Enter");
        awaitScreen(name, "[drill exited: 0]", 60);
        assertTrue(screen(name, false).contains("Leak Drill scorecard"), screen(name, false));
        return shown;
    }

    private void awaitScreen(String session, String text, int seconds) throws Exception {
        try {
            await(text).atMost(Duration.ofSeconds(seconds)).until(() -> screen(session, false).contains(text));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("never showed \"" + text + "\"; the screen:\n" + screen(session, false), e);
        }
    }

    private void type(String session, String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String screen(String session, boolean withColour) throws Exception {
        return withColour ? tmux("capture-pane", "-p", "-e", "-t", session) : tmux("capture-pane", "-p", "-t", session);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean tmuxInstalled() {
        try {
            Process process = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
