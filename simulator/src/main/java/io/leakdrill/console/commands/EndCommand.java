package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import java.util.List;

/**
 * Ends the drill: `resolve` declares the incident over (a postmortem follows), `quit` abandons it. Either way the
 * drill is graded.
 */
public final class EndCommand implements Command {

    private final String name;
    private final String summary;

    private EndCommand(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    public static EndCommand resolve() {
        return new EndCommand("resolve", "declare the incident resolved; a short postmortem (follow-up questions,"
                + " action items, an alert rule) comes before your scorecard");
    }

    public static EndCommand quit() {
        return new EndCommand("quit", "abandon the drill (it is still graded)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String usage() {
        return name;
    }

    @Override
    public Purpose purpose() {
        return Purpose.DRILL;
    }

    @Override
    public String example() {
        return name;
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        if (!name.equals("resolve")) {
            if (!session.confirmEnd()) {
                return Result.ok("The drill goes on.");
            }
            return Result.end("Drill abandoned at " + session.clock() + ".", name);
        }
        // The follow-up questions come next, in the postmortem, once the world has stopped.
        return Result.end("Incident resolved at " + session.clock() + ".", name);
    }
}
