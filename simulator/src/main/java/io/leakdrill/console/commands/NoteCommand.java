package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.util.List;

/** Writes a line in the incident log: what you saw, did or will check, for the postmortem and for yourself. */
public final class NoteCommand implements Command {

    @Override
    public String name() {
        return "note";
    }

    @Override
    public String summary() {
        return "write a note in the incident log (shown in `timeline`)";
    }

    @Override
    public String usage() {
        return "note TEXT";
    }

    @Override
    public Purpose purpose() {
        return Purpose.REASONING;
    }

    @Override
    public String example() {
        return "note Heap floor up 8% in 20 min while traffic is flat; check the histogram next";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("note needs the text to write");
        }
        String text = String.join(" ", args);
        session.record("note", Json.createObjectBuilder().add("text", text));
        return Result.ok("Noted at " + session.clock() + ".");
    }
}
