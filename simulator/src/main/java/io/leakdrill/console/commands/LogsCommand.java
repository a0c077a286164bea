package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The current CRM process's log, read from its file in the drill folder (not through the CRM, so it still works
 * when the CRM is down or out of memory).
 */
public final class LogsCommand implements Command {

    private static final int DEFAULT_TAIL = 20;
    private static final int WIDTH = 220;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String summary() {
        return "the CRM's log: the last lines (default 20), optionally only those containing TEXT";
    }

    @Override
    public String usage() {
        return "logs [--grep TEXT] [--tail N]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SERVER;
    }

    @Override
    public String example() {
        return "logs --grep OutOfMemoryError --tail 20";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() || !typed.get(typed.size() - 1).startsWith("--") ? List.of("--grep", "--tail")
                : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        String grep = null;
        int tail = DEFAULT_TAIL;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size() || !(option.equals("--grep") || option.equals("--tail"))) {
                throw new UsageException("unexpected '" + option + "'");
            }
            String value = args.get(++i);
            if (option.equals("--grep")) {
                grep = value;
            } else {
                tail = parseTail(value);
            }
        }
        Path file = session.drill().crm().process().stdout();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Result.error("the CRM has written no log yet");
        } catch (IOException e) {
            return Result.error("cannot read the CRM's log " + file + ": " + e.getMessage());
        }
        String needle = grep == null ? null : grep.toLowerCase(Locale.ROOT);
        List<String> matching = needle == null ? lines
                : lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains(needle)).toList();
        List<String> shown = matching.subList(Math.max(0, matching.size() - tail), matching.size());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d of %d lines%s%n",
                file.getFileName(), shown.size(), lines.size(),
                grep == null ? "" : " (" + matching.size() + " contain '" + grep + "')"));
        shown.forEach(l -> text.append(clip(l)).append('\n'));
        long ooms = shown.stream().filter(l -> l.contains("OutOfMemoryError")).count();
        var evidence = Json.createObjectBuilder().add("kind", "logs").add("file", file.getFileName().toString())
                .add("lines", shown.size()).add("outOfMemoryLines", ooms);
        if (grep != null) {
            evidence.add("grep", grep);
        }
        session.evidence(evidence);
        return Result.ok(text.toString().strip());
    }

    // OutOfMemoryError lines are never clipped: their tail says which memory ran out (Java heap space, Metaspace,
    // Direct buffer memory), and that is the point of reading them.
    static String clip(String line) {
        if (line.length() <= WIDTH || line.contains("OutOfMemoryError")) {
            return line;
        }
        return line.substring(0, WIDTH) + " ...";
    }

    private static int parseTail(String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--tail needs a positive number of lines, not '" + value + "'");
    }
}
