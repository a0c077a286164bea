package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Happenings.Happening;
import java.util.List;

/**
 * Recent changes: the change log's entries as they came up, and the deploys and restarts of this drill. "What
 * changed?" is the first question of most incidents, and a recent change is the easiest suspect to blame.
 */
public final class ChangesCommand implements Command {

    @Override
    public String name() {
        return "changes";
    }

    @Override
    public String summary() {
        return "recent deploys and config changes: the change log, and your deploys and restarts";
    }

    @Override
    public String usage() {
        return "changes";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SITUATION;
    }

    @Override
    public String example() {
        return "changes";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        List<Happening> changes = session.drill().happenings()
                .ofType("story", "deploy", "rollback", "config", "restart").stream()
                .filter(h -> !h.type().equals("story") || h.text("kind").equals("change")).toList();
        if (changes.isEmpty()) {
            return Result.ok("No changes so far: nothing in the change log, no deploys, no restarts.");
        }
        StringBuilder text = new StringBuilder();
        changes.forEach(c -> text.append(HappeningText.line(c, session.style())).append('\n'));
        return Result.ok(text.toString().strip());
    }
}
