package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Crosses a suspect off, with the reason and the evidence: the incident this drill is modelled on lost an hour to
 * the database and the network, and saying why each was cleared is how a team stops circling back to them.
 */
public final class RuleOutCommand implements Command {

    /** What people suspect beyond the CRM's own components: the world around it and the day's changes. */
    private static final List<String> WORLD = List.of("database", "network", "traffic", "mail-relay", "recent-change");

    @Override
    public String name() {
        return "rule-out";
    }

    @Override
    public String summary() {
        return "cross a suspect off, saying why and citing evidence";
    }

    @Override
    public String usage() {
        return "rule-out SUSPECT [because TEXT]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.REASONING;
    }

    @Override
    public String example() {
        return "rule-out database because no slow statements and no pool waits (E6, E7)";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        if (typed.isEmpty()) {
            return suspects(session);
        }
        return typed.size() == 1 ? List.of("because") : session.evidenceIds();
    }

    private static List<String> suspects(DrillSession session) {
        List<String> all = new ArrayList<>(session.drill().scenario().crm().components());
        all.addAll(WORLD);
        return all;
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        List<String> suspects = suspects(session);
        if (args.isEmpty()) {
            throw new UsageException("rule-out needs a suspect: " + String.join(", ", suspects));
        }
        String suspect = Choices.pick(args.get(0), suspects, "suspect", "suspects");
        List<String> rest = args.subList(1, args.size());
        if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("because")) {
            rest = rest.subList(1, rest.size());
        }
        String reason = String.join(" ", rest);
        List<String> cites = Citations.in(reason, session);
        session.record("rule-out", Json.createObjectBuilder().add("suspect", suspect).add("reason", reason)
                .add("cites", Citations.json(cites)));
        String nudge = reason.isEmpty() ? "; say why with `because ...` and the evidence ids next time."
                : cites.isEmpty() ? "; cite ids like E3 to show what cleared it." : ".";
        return Result.ok("Ruled out " + suspect + " at " + session.clock() + ", " + Citations.mention(cites) + nudge);
    }
}
