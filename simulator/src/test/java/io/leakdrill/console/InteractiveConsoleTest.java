package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Drill drill = QuietDrill.start(dir);
                // Built directly: the builder would put a new pty between the streams and JLine, and a pty never
                // reports the end of its input.
                Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen,
                        StandardCharsets.UTF_8)) {
            // A console that waits for keys that never come must fail the test, not hang the build.
            typed = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new InteractiveConsole(drill, terminal, dir.resolve("history")).run());
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
}
