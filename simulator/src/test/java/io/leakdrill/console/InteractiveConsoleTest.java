package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.drill.Drill;
import io.leakdrill.testing.QuietDrill;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live console, driven through JLine's dumb terminal over streams, against a real drill. */
class InteractiveConsoleTest {

    @TempDir
    Path dir;

    private String typed;

    private String play(String keys) throws Exception {
        return play(keys, Terminal.TYPE_DUMB, Map.of());
    }

    private String play(String keys, String terminalType, Map<String, String> env) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Drill drill = QuietDrill.start(dir);
                // Built directly: the builder would put a new pty between the streams and JLine, and a pty never
                // reports the end of its input.
                Terminal terminal = new DumbTerminal("test", terminalType,
                        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen,
                        StandardCharsets.UTF_8)) {
            // A console that waits for keys that never come must fail the test, not hang the build.
            typed = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> InteractiveConsole.prepare(terminal, dir.resolve("history"), env).run(drill));
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theEndOfInputAsksBeforeEndingTheDrill() throws Exception {
        // A dumb terminal reads plain lines: Ctrl-D as a key is checked in a real terminal (tmux); here the end of
        // the input stands for it.
        String screen = play("help\nrunbook\n");
        assertEquals("quit", typed);
        assertTrue(screen.contains("The situation:"), screen);
        assertTrue(screen.contains("memory-leak-triage"), screen);
        assertTrue(screen.contains("End the drill now? It is graded as it stands. [y/N]"), screen);
    }

    @Test
    void theEndOfInputEndsTheDrillAndTheHistoryKeepsWhatWasTyped() throws Exception {
        play("status\nheap histo\n");
        assertEquals("quit", typed);
        assertEquals(List.of("status", "heap histo"), Files.readAllLines(dir.resolve("history")).stream()
                .map(line -> line.substring(line.indexOf(':') + 1)).toList());
    }

    @Test
    void quitAsksFirstAndANoKeepsTheDrillGoing() throws Exception {
        String screen = play("quit\nn\nstatus\nquit\ny\n");
        assertEquals("quit", typed);
        int goesOn = screen.indexOf("The drill goes on.");
        assertTrue(goesOn > 0 && screen.indexOf("CRM      pid", goesOn) > goesOn, screen);
        assertTrue(screen.contains("Drill abandoned at"), screen);
    }

    @Test
    void colourInATerminalThatShowsItAndNoneWithNoColorOrADumbTerminal() throws Exception {
        Pattern redError = Pattern.compile("\u001b\\[[0-9;]*munknown command 'hepa'");
        assertTrue(redError.matcher(play("hepa\n", "xterm-256color", Map.of())).find(), "colour in a terminal");
        assertFalse(redError.matcher(play("hepa\n", "xterm-256color", Map.of("NO_COLOR", "1"))).find(),
                "no colour with NO_COLOR");
        String dumb = play("hepa\nstatus\n");
        assertTrue(dumb.contains("unknown command 'hepa'; did you mean `heap`?"), dumb);
        assertFalse(dumb.contains("\u001b"), "a dumb terminal gets plain text: " + dumb);
    }

    @Test
    void thePostmortemReadsItsAnswersAtItsOwnPromptAndTheEndOfInputEndsIt() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        List<String> recorded = new java.util.ArrayList<>();
        // No drill is needed: the postmortem asks and records; the end of the keys stands for Ctrl-D.
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(
                "The heap floor above 0.8.\n\nNo: it would hide the leak.\nAlert on the heap floor\n"
                        .getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            Postmortem postmortem = new Postmortem(List.of("Which alert?", "What in review?", "Restart itself?"),
                    (type, fields) -> recorded.add(type + " " + fields.build()));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> postmortem.run(
                    InteractiveConsole.prepare(terminal, dir.resolve("history"), Map.of()).conversation()));
        }
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("followup-answer {\"question\":1,\"text\":\"The heap floor above 0.8.\"}",
                "followup-answer {\"question\":3,\"text\":\"No: it would hide the leak.\"}",
                "action-item {\"text\":\"Alert on the heap floor\"}"), recorded);
        assertTrue(shown.contains("Question 2 of 3: What in review?"), shown);
        assertTrue(shown.contains("action> "), shown);
        assertTrue(shown.contains("Postmortem ended early; recorded: 2 answers, 1 action item, 0 alert rules."),
                shown);
        assertFalse(Files.exists(dir.resolve("history")) && Files.readString(dir.resolve("history"))
                .contains("heap floor"), "answers stay out of the command history");
    }
}
