package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.drill.Drill;
import io.leakdrill.runbook.Runbooks;
import io.leakdrill.testing.QuietDrill;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand lines a tired trainee (or a cat on the keyboard) might type, against a live drill: every one gets an
 * answer, none crashes the console or shows a stack trace.
 */
class RandomInputTest {

    private static final int LINES = 10_000;
    // Words that probe the edges: empty and unbalanced quotes, huge and negative numbers, format strings, evidence
    // ids that do not exist, options without values, sub-commands in the wrong place, non-ASCII and control text.
    private static final List<String> TRICKY = List.of("\"\"", "\"", "'", "\\", "-", "--", "-1", "0", "1e309", "NaN",
            "99999999999999999999", "%s", "%n", "${jndi:x}", "null", "E0", "E1", "E99999", "--pattern", "--grep",
            "--tail", "--when", "--dump-first", "because", "histo", "diff", "roots", "dump", "status", "slowlog", "locks",
            "stats", "ping", "on", "off", "SEV0", "sév", "日本", "\u0000", "\t", "x".repeat(5000), "H1", "H999",
            "A1", "A0", "1m", "-5m", "0s");
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |Exception\\b|^\\s+at [\\w.$]+\\(",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void tenThousandRandomLinesNeverCrashTheConsoleNorShowAStackTrace() throws Exception {
        try (Drill drill = QuietDrill.start(dir)) {
            // `quit` and `resolve` would end a real console; here the answer is no, so the typing goes on.
            DrillSession session = new DrillSession(drill, Style.PLAIN, question -> false, text -> { }, () -> 80);
            Dispatcher dispatcher = new Dispatcher(session, Commands.all(Runbooks.standard()));
            List<String> names = dispatcher.commands().stream().map(Command::name).toList();
            Random random = new Random(20261124);
            assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
                for (int i = 0; i < LINES; i++) {
                    int number = i;
                    String line = line(random, names);
                    Command.Result result = dispatcher.execute(line);
                    assertFalse(STACK_TRACE.matcher(result.text()).find(),
                            () -> "line " + number + ": " + line + "\nprinted a stack trace:\n" + result.text());
                    if (!line.isBlank() && !result.ok()) {
                        assertFalse(result.text().isBlank(), () -> "an error needs words: " + line);
                    }
                }
            });
            assertTrue(drill.crm().process().isAlive(), "the CRM survives the typing");
        }
    }

    private static String line(Random random, List<String> names) {
        StringBuilder line = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> {
                // Keyboard noise: any printable or control character, quotes and all.
                int length = random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    line.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
                }
            }
            case 1 -> line.append(typo(names.get(random.nextInt(names.size())), random));
            default -> {
                line.append(names.get(random.nextInt(names.size())));
                // At least one word after the name: a bare `restart` or `wait` is valid and would only cost time.
                int words = 1 + random.nextInt(3);
                for (int i = 0; i < words; i++) {
                    line.append(' ').append(TRICKY.get(random.nextInt(TRICKY.size())));
                }
            }
        }
        return line.toString();
    }

    private static String typo(String name, Random random) {
        StringBuilder typo = new StringBuilder(name);
        int at = random.nextInt(typo.length());
        if (random.nextBoolean()) {
            typo.deleteCharAt(at);
        } else {
            typo.insert(at, (char) ('a' + random.nextInt(26)));
        }
        return typo.toString();
    }
}
