package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import java.util.List;

/** Records the trainee's claim about which component leaks; the drill gives no hint whether it is right. */
public final class DiagnoseCommand implements Command {

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String summary() {
        return "name the component you believe leaks (" + "graded at the end)";
    }

    @Override
    public String usage() {
        return "diagnose COMPONENT";
    }

    @Override
    public Purpose purpose() {
        return Purpose.REASONING;
    }

    @Override
    public String example() {
        return "diagnose COMPONENT, with a component named by your evidence";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.size() != 1) {
            throw new UsageException("diagnose takes one component id");
        }
        List<String> components = session.drill().scenario().crm().components();
        if (!components.contains(args.get(0))) {
            throw new UsageException("no component '" + args.get(0) + "'; the CRM's components are "
                    + String.join(", ", components));
        }
        session.record("diagnose", Json.createObjectBuilder().add("component", args.get(0)));
        return Result.ok("Diagnosis recorded: the leak is in " + args.get(0) + ".");
    }
}
