package io.leakdrill.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;

/**
 * Shows output taller than the terminal a screen at a time through JLine's {@code less} (q returns to the prompt),
 * as git pages long output; what fits on one screen prints as it is.
 */
final class Pager {

    private final Terminal terminal;

    Pager(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Whether this text needs paging: taller than the screen, on a terminal that can page at all. */
    boolean needed(String text) {
        int height = terminal.getHeight();
        if (height <= 0 || !Style.drawable(terminal)) {
            return false;
        }
        return text.lines().count() > height - 1;
    }

    void page(String text) throws IOException, InterruptedException {
        Less less = new Less(terminal, Path.of(""));
        less.quitIfOneScreen = true;
        less.run(new Source.InputStreamSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                true, "output"));
    }
}
