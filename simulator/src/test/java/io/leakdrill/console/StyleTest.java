package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** Colour and Unicode only where they will be seen; sparklines that show a trend's shape. */
class StyleTest {

    private static Style styleFor(String type, Map<String, String> env) throws Exception {
        try (Terminal terminal = new DumbTerminal("test", type, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            return Style.of(terminal, env);
        }
    }

    @Test
    void aColourTerminalGetsColourAndUnicodeUnlessNoColorIsSet() throws Exception {
        Style fancy = styleFor("xterm-256color", Map.of());
        assertTrue(fancy.colour() && fancy.unicode());
        assertTrue(fancy.severity("SEV1").contains("\u001b["), fancy.severity("SEV1"));
        assertEquals("SEV1", Style.plain(fancy.severity("SEV1")), "the transcript keeps the plain text");
        assertSame(Style.PLAIN, styleFor("xterm-256color", Map.of("NO_COLOR", "1")));
        // no-color.org: an empty NO_COLOR does not count.
        assertTrue(styleFor("xterm-256color", Map.of("NO_COLOR", "")).colour());
        assertSame(Style.PLAIN, styleFor(Terminal.TYPE_DUMB, Map.of()));
    }

    @Test
    void plainOutputIsAsciiOnly() {
        String line = Sparkline.draw(List.of(1.0, 2.0, 3.0, 4.0), v -> v, v -> v, 1, 4, 4, Style.PLAIN);
        assertTrue(line.chars().allMatch(c -> c < 128), line);
        assertEquals("->", Style.PLAIN.arrow());
        assertEquals("SEV1", Style.PLAIN.severity("SEV1"));
    }

    @Test
    void aSparklineRisesWithItsSeriesLeavesGapsBlankAndKeepsAFlatSeriesOnTheBaseline() {
        Style unicode = new Style(false, true);
        assertEquals("▁▂▄█", Sparkline.draw(List.of(0.0, 1.0, 2.0, 3.0), v -> v, v -> 10 + v * v, 0, 4, 4, unicode));
        // Readings at minutes 0 and 3 only: the minutes between (the CRM down) stay empty.
        assertEquals("▁  █", Sparkline.draw(List.of(0.0, 3.0), v -> v, v -> v, 0, 4, 4, unicode));
        assertEquals("▁▁▁▁", Sparkline.draw(List.of(0.0, 1.0, 2.0, 3.0), v -> v, v -> 5, 0, 4, 4, unicode));
    }
}
