package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.Suggestions;
import io.leakdrill.runbook.Runbooks;
import io.leakdrill.runbook.TerminalMarkdown;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Lists the runbooks, or shows one rendered for the terminal. */
public final class RunbookCommand implements Command {


    private final Runbooks runbooks;

    public RunbookCommand(Runbooks runbooks) {
        this.runbooks = runbooks;
    }

    @Override
    public String name() {
        return "runbook";
    }

    @Override
    public String summary() {
        return "list the runbooks, or read one: what to look at, in what order, and what not to do";
    }

    @Override
    public String usage() {
        return "runbook [NAME]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.DRILL;
    }

    @Override
    public String example() {
        return "runbook memory-leak-triage";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) throws IOException {
        return typed.isEmpty() ? runbooks.names() : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws IOException {
        if (args.size() > 1) {
            return Result.error("usage: " + usage());
        }
        List<String> names = runbooks.names();
        if (args.isEmpty()) {
            StringBuilder text = new StringBuilder("Runbooks (`runbook NAME` to read one):\n");
            for (String name : names) {
                text.append(String.format(Locale.ROOT, "  %-28s %s%n", name, runbooks.title(name)));
            }
            return Result.ok(text.toString().stripTrailing());
        }
        Optional<String> markdown = runbooks.markdown(args.get(0));
        if (markdown.isEmpty()) {
            return Result.error("no runbook '" + args.get(0) + "'" + Suggestions.closest(args.get(0), names)
                    .map(n -> "; did you mean `runbook " + n + "`?").orElse("; `runbook` lists them"));
        }
        return Result.ok(new TerminalMarkdown(session.width()).render(markdown.get()));
    }
}
