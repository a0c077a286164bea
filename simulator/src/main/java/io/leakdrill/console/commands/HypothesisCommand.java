package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.util.List;

/** States what you think is going on, citing the evidence behind it, so the reasoning can be followed later. */
public final class HypothesisCommand implements Command {

    @Override
    public String name() {
        return "hypothesis";
    }

    @Override
    public String summary() {
        return "state what you think is going on, citing evidence ids (E3)";
    }

    @Override
    public String usage() {
        return "hypothesis TEXT";
    }

    @Override
    public Purpose purpose() {
        return Purpose.REASONING;
    }

    @Override
    public String example() {
        return "hypothesis The heap floor rises with logins (E2, E5): something keeps every session";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return session.evidenceIds();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("hypothesis needs the text of your hypothesis");
        }
        String text = String.join(" ", args);
        List<String> cites = Citations.in(text, session);
        session.record("hypothesis", Json.createObjectBuilder().add("text", text).add("cites",
                Citations.json(cites)));
        return Result.ok("Hypothesis recorded at " + session.clock() + ", " + Citations.mention(cites)
                + (cites.isEmpty() ? "; cite ids like E3 to show what backs it." : "."));
    }
}
