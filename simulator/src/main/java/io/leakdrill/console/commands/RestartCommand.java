package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import jakarta.json.Json;
import java.util.List;

/** Restarts the CRM process: quick relief, and the heap's evidence is gone with it. */
public final class RestartCommand implements Command {

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String summary() {
        return "restart the CRM process (relief for a while; the heap's evidence is lost)";
    }

    @Override
    public String usage() {
        return "restart";
    }

    @Override
    public Purpose purpose() {
        return Purpose.ACTIONS;
    }

    @Override
    public String example() {
        return "restart";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        var drill = session.drill();
        long oldPid = drill.crm().process() == null ? -1 : drill.crm().process().pid();
        drill.crm().restart();
        drill.restarted();
        long pid = drill.crm().process().pid();
        session.record("restart", Json.createObjectBuilder().add("reason", "trainee").add("pid", pid));
        return Result.ok("CRM restarted: pid " + oldPid + " stopped, pid " + pid + " serving. Watch whether it lasts.");
    }
}
