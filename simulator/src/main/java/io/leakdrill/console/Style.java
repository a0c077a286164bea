package io.leakdrill.console;

import io.leakdrill.drill.EventSink;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * How the console decorates what it prints: colour and Unicode in a terminal that shows them, plain ASCII when the
 * output is not a terminal or {@code NO_COLOR} is set (no-color.org), so piped output and transcripts stay clean.
 */
public final class Style {

    /** No colour, ASCII only: scripts, pipes, transcripts. */
    public static final Style PLAIN = new Style(false, false);

    private static final String UNICODE_RAMP = "▁▂▃▄▅▆▇█";
    private static final String ASCII_RAMP = "_.,-=+*#";

    private final boolean colour;
    private final boolean unicode;

    public Style(boolean colour, boolean unicode) {
        this.colour = colour;
        this.unicode = unicode;
    }

    /** What this terminal and environment allow: a dumb terminal or a set {@code NO_COLOR} get {@link #PLAIN}. */
    public static Style of(Terminal terminal, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (!drawable(terminal) || (noColor != null && !noColor.isEmpty())) {
            return PLAIN;
        }
        return new Style(true, StandardCharsets.UTF_8.equals(terminal.encoding()));
    }

    /**
     * For output printed without a JLine terminal ({@code grade}): colour only when stdin and stdout are both a
     * terminal, {@code TERM} is not dumb and {@code NO_COLOR} is unset; never Unicode, which a pager may mangle.
     */
    public static Style ofConsole(boolean console, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        String term = env.getOrDefault("TERM", "");
        boolean colour = console && !term.isEmpty() && !term.startsWith(Terminal.TYPE_DUMB)
                && (noColor == null || noColor.isEmpty());
        return colour ? new Style(true, false) : PLAIN;
    }

    /** Whether the terminal can move its cursor and redraw: not a dumb one (a pipe, a file, a test's streams). */
    static boolean drawable(Terminal terminal) {
        return terminal.getType() != null && !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    public boolean colour() {
        return colour;
    }

    public boolean unicode() {
        return unicode;
    }

    /** The text without any colour codes, as the transcript keeps it. */
    public static String plain(String text) {
        return text.indexOf('\u001b') < 0 ? text : AttributedString.fromAnsi(text).toString();
    }

    public String bold(String text) {
        return paint(text, AttributedStyle.BOLD);
    }

    public String dim(String text) {
        return paint(text, AttributedStyle.DEFAULT.faint());
    }

    public String good(String text) {
        return paint(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
    }

    public String warn(String text) {
        return paint(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    public String bad(String text) {
        return paint(text, AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    }

    public String info(String text) {
        return paint(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    /** A severity as the prompt and alerts show it: SEV1 red, SEV2 yellow, SEV3 cyan, anything else green. */
    public String severity(String severity) {
        return switch (severity) {
            case "SEV1" -> bad(severity);
            case "SEV2" -> warn(severity);
            case "SEV3" -> info(severity);
            default -> good(severity);
        };
    }

    public String tone(EventSink.Tone tone, String text) {
        return switch (tone) {
            case GOOD -> good(text);
            case WARN -> warn(text);
            case BAD -> bad(text);
            case INFO -> info(text);
        };
    }

    /** One bar of a sparkline for a level from 0 (lowest) to 1 (highest). */
    public char bar(double level) {
        String ramp = unicode ? UNICODE_RAMP : ASCII_RAMP;
        int index = (int) Math.round(Math.max(0, Math.min(1, level)) * (ramp.length() - 1));
        return ramp.charAt(index);
    }

    public String arrow() {
        return unicode ? "→" : "->";
    }

    public String rule(int width) {
        return (unicode ? "─" : "-").repeat(Math.max(0, width));
    }

    private String paint(String text, AttributedStyle style) {
        return colour ? new AttributedString(text, style).toAnsi() : text;
    }
}
