package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.scenario.LeakPattern;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the trainee's claim about which component leaks, optionally in what pattern and on what evidence; the
 * drill gives no hint whether it is right.
 */
public final class DiagnoseCommand implements Command {

    private static final String PATTERN = "--pattern";

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String summary() {
        return "name the component you believe leaks, its leak pattern and your evidence (graded at the end)";
    }

    @Override
    public String usage() {
        return "diagnose COMPONENT [--pattern PATTERN] [E1 E2 ...]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.REASONING;
    }

    @Override
    public String example() {
        return "diagnose COMPONENT --pattern PATTERN E3 E7, with the component, pattern and evidence ids you found";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        if (typed.isEmpty()) {
            return session.drill().scenario().crm().components();
        }
        if (typed.get(typed.size() - 1).equals(PATTERN)) {
            return LeakPattern.ids();
        }
        List<String> next = new ArrayList<>();
        if (!typed.contains(PATTERN)) {
            next.add(PATTERN);
        }
        next.addAll(session.evidenceIds());
        return next;
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("diagnose needs the component you believe leaks");
        }
        String component = Choices.pick(args.get(0), session.drill().scenario().crm().components(), "component",
                "CRM's components");
        LeakPattern pattern = null;
        List<String> cites = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals(PATTERN)) {
                if (pattern != null || i + 1 >= args.size()) {
                    throw new UsageException("give --pattern once, followed by one of "
                            + String.join(", ", LeakPattern.ids()));
                }
                pattern = LeakPattern.byId(Choices.pick(args.get(++i), LeakPattern.ids(), "leak pattern",
                        "patterns")).orElseThrow();
            } else if (Citations.isId(word)) {
                String id = Citations.check(word, session);
                if (!cites.contains(id)) {
                    cites.add(id);
                }
            } else {
                throw new UsageException("unexpected '" + word + "': after the component come --pattern PATTERN and"
                        + " evidence ids such as E3");
            }
        }
        JsonObjectBuilder fields = Json.createObjectBuilder().add("component", component);
        if (pattern != null) {
            fields.add("pattern", pattern.id());
        }
        session.record("diagnose", fields.add("cites", Citations.json(cites)));
        return Result.ok("Diagnosis recorded at " + session.clock() + ": the leak is in " + component
                + (pattern == null ? "" : ", pattern " + pattern.id()) + ", " + Citations.mention(cites) + ".");
    }
}
