package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.util.List;

/** Restarts the CRM process: quick relief, and the heap's evidence is gone with it. */
public final class RestartCommand implements Command {

    private static final String DUMP_FIRST = "--dump-first";

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String summary() {
        return "restart the CRM process (relief for a while; the heap's evidence is lost unless you dump it first)";
    }

    @Override
    public String usage() {
        return "restart [--dump-first]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.ACTIONS;
    }

    @Override
    public String example() {
        return "restart --dump-first";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? List.of(DUMP_FIRST) : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        if (!args.isEmpty() && !args.equals(List.of(DUMP_FIRST))) {
            throw new UsageException("restart takes only " + DUMP_FIRST + ", got " + String.join(" ", args));
        }
        String dumped = "";
        if (!args.isEmpty()) {
            // Forensics before relief: the restart destroys the heap that shows what leaked.
            Result dump = new HeapDumper().dump(session);
            if (!dump.ok()) {
                return Result.error(dump.text() + "\nNot restarted: run `restart` to restart without a dump.");
            }
            dumped = dump.text() + "\n\n";
        }
        var drill = session.drill();
        long oldPid = drill.crm().process() == null ? -1 : drill.crm().process().pid();
        drill.crm().restart();
        drill.restarted();
        long pid = drill.crm().process().pid();
        session.record("restart", Json.createObjectBuilder().add("reason", "trainee").add("pid", pid));
        return Result.ok(dumped + "CRM restarted: pid " + oldPid + " stopped, pid " + pid
                + " serving. Watch whether it lasts.");
    }
}
