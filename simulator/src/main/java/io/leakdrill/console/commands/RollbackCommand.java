package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Happenings.Happening;
import jakarta.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Undoes this drill's last deploy that is not yet undone: the component's previous version, or the previous heap,
 * comes back with a restart of the CRM, since the CRM's components can be patched forward only while it runs.
 */
public final class RollbackCommand implements Command {

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String summary() {
        return "undo the last deploy: the component's previous version, or the previous heap (restarts the CRM)";
    }

    @Override
    public String usage() {
        return "rollback";
    }

    @Override
    public Purpose purpose() {
        return Purpose.ACTIONS;
    }

    @Override
    public String example() {
        return "rollback";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        var drill = session.drill();
        Happening deploy = lastStanding(drill.happenings().ofType("deploy", "rollback"));
        if (deploy == null) {
            return Result.ok("Nothing to roll back: no deploy of this drill is still in place.");
        }
        String patch = deploy.text("patch");
        var event = Json.createObjectBuilder().add("patch", patch).add("kind", deploy.text("kind"))
                .add("undoes", deploy.seq());
        if (deploy.text("kind").equals("jvm")) {
            int heapMb = (int) deploy.number("previousHeapMb", -1);
            if (heapMb <= 0) {
                return Result.error("cannot roll back " + patch + ": its deploy did not record the heap before it");
            }
            drill.crm().setHeapMb(heapMb);
            session.record("rollback", event.add("heapMb", deploy.number("heapMb", -1))
                    .add("restoredHeapMb", heapMb));
            drill.crm().restart();
            drill.restarted();
            long pid = drill.crm().process().pid();
            session.record("restart", Json.createObjectBuilder().add("reason", "rollback").add("pid", pid));
            return Result.ok("Rolled back " + patch + ": CRM restarted with -Xmx" + heapMb + "m again, pid " + pid
                    + ".");
        }
        String component = deploy.text("component");
        String previous = deploy.text("previous");
        if (component.isEmpty() || previous.isEmpty()) {
            return Result.error("cannot roll back " + patch + ": its deploy did not record the version before it");
        }
        drill.crm().remember(component, previous);
        session.record("rollback", event.add("component", component).add("version", deploy.text("version"))
                .add("restored", previous));
        // The version's name stays out of the console: "original" against a patch's name would tell which
        // component leaked.
        if (drill.crm().port() < 0) {
            return Result.ok("Rolled back " + patch + ": " + component + " gets its previous version when the CRM"
                    + " starts again (`restart`).");
        }
        // The CRM's components patch forward only while it runs (`deploy` of an older version is refused, or
        // answered without a switch), so the old version comes back the way a real rollback ships: a fresh process.
        long pid = drill.crm().process().pid();
        drill.crm().restart();
        drill.restarted();
        long newPid = drill.crm().process().pid();
        session.record("restart", Json.createObjectBuilder().add("reason", "rollback").add("pid", newPid));
        return Result.ok("Rolled back " + patch + ": CRM pid " + pid + " restarted as pid " + newPid + ", with "
                + component + " as it was before the deploy. The heap starts afresh.");
    }

    // Each rollback undoes the latest deploy still standing, so a second rollback undoes the deploy before it.
    private static Happening lastStanding(List<Happening> deploysAndRollbacks) {
        Deque<Happening> standing = new ArrayDeque<>();
        for (Happening h : deploysAndRollbacks) {
            if (h.type().equals("deploy")) {
                standing.push(h);
            } else if (!standing.isEmpty()) {
                standing.pop();
            }
        }
        return standing.peek();
    }
}
