package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.util.List;

/** Posts a status update to stakeholders. */
public final class UpdateCommand implements Command {

    @Override
    public String name() {
        return "update";
    }

    @Override
    public String summary() {
        return "post a status update to stakeholders (impact, actions, next update)";
    }

    @Override
    public String usage() {
        return "update TEXT";
    }

    @Override
    public Purpose purpose() {
        return Purpose.PEOPLE;
    }

    @Override
    public String example() {
        return "update Reps see slow pages; we are checking the CRM heap; next update in 15 min";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("update needs the text to post");
        }
        String text = String.join(" ", args);
        session.record("update", Json.createObjectBuilder().add("text", text));
        return Result.ok("Posted to #crm-incident at " + session.clock() + ": " + text);
    }
}
