package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Happenings.Happening;
import java.util.List;

/** The support tickets that have come in so far: what users are telling support, in their words. */
public final class TicketsCommand implements Command {

    @Override
    public String name() {
        return "tickets";
    }

    @Override
    public String summary() {
        return "the support tickets so far, with when they came in and from whom";
    }

    @Override
    public String usage() {
        return "tickets";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SITUATION;
    }

    @Override
    public String example() {
        return "tickets";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        List<Happening> tickets = tickets(session);
        if (tickets.isEmpty()) {
            return Result.ok("No support tickets yet (it is " + session.clock() + ").");
        }
        StringBuilder text = new StringBuilder(session.style().bold(tickets.size() == 1 ? "1 ticket so far"
                : tickets.size() + " tickets so far")).append('\n');
        tickets.forEach(t -> text.append(HappeningText.line(t, session.style())).append('\n'));
        return Result.ok(text.toString().strip());
    }

    private static List<Happening> tickets(DrillSession session) {
        return session.drill().happenings().ofType("story").stream().filter(h -> h.text("kind").equals("ticket"))
                .toList();
    }
}
