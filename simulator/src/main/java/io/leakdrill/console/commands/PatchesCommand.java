package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.scenario.Scenario.Patch;
import java.util.List;
import java.util.Locale;

/** The changes the developers have ready to ship. */
public final class PatchesCommand implements Command {

    @Override
    public String name() {
        return "patches";
    }

    @Override
    public String summary() {
        return "patches ready to `deploy`";
    }

    @Override
    public String usage() {
        return "patches";
    }

    @Override
    public Purpose purpose() {
        return Purpose.ACTIONS;
    }

    @Override
    public String example() {
        return "patches";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        StringBuilder text = new StringBuilder();
        for (Patch p : session.drill().scenario().patches()) {
            text.append(String.format(Locale.ROOT, "  %-24s %s%s%n", p.id(), p.title(),
                    p.kind().equals("jvm") ? " (applied by a restart)" : ""));
        }
        return Result.ok(text.toString().stripTrailing());
    }
}
