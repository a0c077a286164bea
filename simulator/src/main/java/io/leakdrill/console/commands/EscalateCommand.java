package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.util.List;

/**
 * Brings another team in: `escalate` hands them the problem with what you know, `page` only wakes their on-call.
 * Nobody answers in the drill; what counts is whom you called, when, and what you told them.
 */
public final class EscalateCommand implements Command {

    private final boolean withText;

    private EscalateCommand(boolean withText) {
        this.withText = withText;
    }

    public static EscalateCommand escalate() {
        return new EscalateCommand(true);
    }

    public static EscalateCommand page() {
        return new EscalateCommand(false);
    }

    @Override
    public String name() {
        return withText ? "escalate" : "page";
    }

    @Override
    public String summary() {
        return withText ? "hand the problem to a team, with what you know so far"
                : "page a team's on-call to join the incident";
    }

    @Override
    public String usage() {
        return withText ? "escalate TEAM TEXT" : "page TEAM";
    }

    @Override
    public Purpose purpose() {
        return Purpose.PEOPLE;
    }

    @Override
    public String example() {
        return withText ? "escalate crm-dev Heap floor climbs steadily (E4); please look at what grows in `heap diff`"
                : "page crm-dev";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? Team.ids() : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException(name() + " needs a team: " + String.join(", ", Team.ids()));
        }
        Team team = Team.of(args.get(0));
        if (!withText) {
            if (args.size() > 1) {
                throw new UsageException("page takes only a team; to tell them something, `escalate "
                        + team.id() + " TEXT`");
            }
            session.record("page", Json.createObjectBuilder().add("team", team.id()));
            return Result.ok("Paged " + team.who() + " at " + session.clock() + ".");
        }
        if (args.size() < 2) {
            throw new UsageException("escalate needs what you tell " + team.id() + " after the team");
        }
        String text = String.join(" ", args.subList(1, args.size()));
        session.record("escalate", Json.createObjectBuilder().add("team", team.id()).add("text", text));
        return Result.ok("Escalated to " + team.who() + " at " + session.clock() + ": " + text);
    }
}
