package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
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
    public Result run(List<String> args, DrillSession session) {
        if (!args.isEmpty()) {
            return commands.get().stream().filter(c -> c.name().equals(args.get(0))).findFirst()
                    .map(c -> Result.ok("usage: " + c.usage() + "\n  " + c.summary()))
                    .orElse(Result.error("no command '" + args.get(0) + "'; type `help` for the list"));
        }
        StringBuilder text = new StringBuilder("Commands:\n");
        for (Command c : commands.get()) {
            text.append(String.format(Locale.ROOT, "  %-22s %s%n", c.usage(), c.summary()));
        }
        text.append("Asynchronous events (alerts, messages) print above the prompt as they happen.");
        return Result.ok(text.toString());
    }
}
