package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.scenario.Scenario.Hint;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Gives the next hint the scenario has made available by now; each one taken is recorded for the debrief. */
public final class HintCommand implements Command {

    private int given;

    @Override
    public String name() {
        return "hint";
    }

    @Override
    public String summary() {
        return "the next hint, its price in points shown before you reveal it";
    }

    @Override
    public String usage() {
        return "hint";
    }

    @Override
    public Purpose purpose() {
        return Purpose.DRILL;
    }

    @Override
    public String example() {
        return "hint";
    }

    @Override
    public synchronized Result run(List<String> args, DrillSession session) {
        List<Hint> hints = session.drill().scenario().hints();
        if (given >= hints.size()) {
            return Result.ok(hints.isEmpty() ? "This scenario has no hints." : "No more hints: you have had them all.");
        }
        Hint next = hints.get(given);
        Duration elapsed = session.drill().clock().elapsed();
        if (next.after().compareTo(elapsed) > 0) {
            return Result.ok("No hint yet; the next one is available in "
                    + (next.after().minus(elapsed).toMinutes() + 1) + " incident minutes. Keep looking.");
        }
        // The price comes first: a hint the trainee did not mean to buy is not taken.
        if (!session.confirm(String.format(Locale.ROOT, "Hint %d of %d costs %d point%s of your score. Reveal it?"
                + " [y/N] ", given + 1, hints.size(), next.cost(), next.cost() == 1 ? "" : "s"))) {
            return Result.ok("Hint kept hidden; nothing was taken.");
        }
        given++;
        session.record("hint", Json.createObjectBuilder().add("number", given).add("text", next.text())
                .add("cost", next.cost()));
        return Result.ok("Hint " + given + " of " + hints.size() + " (" + next.cost() + " points): " + next.text());
    }
}
