package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.scenario.Scenario.Patch;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;

/** Ships a patch: code changes go live in the running CRM; JVM settings take a restart. */
public final class DeployCommand implements Command {

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public String summary() {
        return "deploy a patch (see `patches`)";
    }

    @Override
    public String usage() {
        return "deploy PATCH";
    }

    @Override
    public Purpose purpose() {
        return Purpose.ACTIONS;
    }

    @Override
    public String example() {
        return "deploy PATCH, with an id from `patches`";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? session.drill().scenario().patches().stream().map(p -> p.id()).toList() : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        if (args.size() != 1) {
            throw new UsageException("deploy takes one patch id");
        }
        var drill = session.drill();
        Patch patch = drill.scenario().patch(args.get(0)).orElseThrow(() -> new UsageException(
                "no patch '" + args.get(0) + "'; `patches` lists them"));
        // What the patch replaces, so `rollback` can put it back.
        var event = Json.createObjectBuilder().add("patch", patch.id()).add("kind", patch.kind());
        if (patch.kind().equals("jvm")) {
            event.add("heapMb", patch.heapMb()).add("previousHeapMb", drill.crm().launch().heapMb());
        } else {
            event.add("component", patch.component()).add("version", patch.version());
            String previous = drill.crm().launch().components().get(patch.component());
            if (previous != null) {
                event.add("previous", previous);
            }
        }
        session.record("deploy", event);
        if (patch.kind().equals("jvm")) {
            drill.crm().setHeapMb(patch.heapMb());
            drill.crm().restart();
            drill.restarted();
            session.record("restart", Json.createObjectBuilder().add("reason", "deploy")
                    .add("pid", drill.crm().process().pid()));
            return Result.ok("Deployed " + patch.id() + ": CRM restarted with -Xmx" + patch.heapMb() + "m, pid "
                    + drill.crm().process().pid() + ".");
        }
        drill.crm().remember(patch.component(), patch.version());
        if (drill.crm().port() < 0) {
            return Result.ok("Deployed " + patch.id() + "; it takes effect when the CRM starts again (`restart`).");
        }
        var answer = drill.crm().admin().deploy(patch.component(), patch.version(), Duration.ofSeconds(30));
        return Result.ok("Deployed " + patch.id() + " to CRM pid " + drill.crm().process().pid() + ": "
                + patch.component() + " is now " + answer.getString("implementation", patch.version())
                + ". Verify the effect with `gc` over the next minutes.");
    }
}
