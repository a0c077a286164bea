package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.Suggestions;
import io.leakdrill.console.TextWrap;
import io.leakdrill.console.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Lists the commands, or shows one command's usage. */
public final class HelpCommand implements Command {

    private final Supplier<List<Command>> commands;

    public HelpCommand(Supplier<List<Command>> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "list the commands, or `help COMMAND` for one";
    }

    @Override
    public String usage() {
        return "help [COMMAND]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.DRILL;
    }

    @Override
    public String example() {
        return "help heap";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? commands.get().stream().map(Command::name).toList() : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.size() > 1) {
            throw new UsageException("help takes one command at a time");
        }
        if (!args.isEmpty()) {
            List<String> names = commands.get().stream().map(Command::name).toList();
            Command command = commands.get().stream().filter(c -> c.name().equals(args.get(0))).findFirst()
                    .orElseThrow(() -> new UsageException("no command '" + args.get(0) + "'"
                            + Suggestions.closest(args.get(0), names).map(s -> "; did you mean `" + s + "`?")
                                    .orElse("") + " Type `help` for the list."));
            return Result.ok("usage: " + command.usage() + "\n  " + command.summary() + "\n  example: "
                    + command.example());
        }
        StringBuilder text = new StringBuilder();
        for (Purpose purpose : Purpose.values()) {
            List<Command> group = commands.get().stream().filter(c -> c.purpose() == purpose).toList();
            if (group.isEmpty()) {
                continue;
            }
            text.append(purpose.title()).append(":\n");
            for (Command c : group) {
                // A usage too long for the column (a command with sub-commands) is left to `help COMMAND`.
                String usage = c.usage().length() <= 22 ? c.usage() : c.name() + " ...";
                String first = String.format(Locale.ROOT, "  %-22s ", usage);
                TextWrap.hanging(c.summary(), first, " ".repeat(first.length()), session.width())
                        .forEach(line -> text.append(line).append('\n'));
            }
        }
        TextWrap.hanging("`help COMMAND` shows its usage with an example. Asynchronous events (alerts, messages)"
                + " print above the prompt as they happen.", "", "", session.width())
                .forEach(line -> text.append(line).append('\n'));
        return Result.ok(text.toString().stripTrailing());
    }
}
