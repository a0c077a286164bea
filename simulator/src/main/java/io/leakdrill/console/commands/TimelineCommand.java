package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Happenings.Happening;
import java.time.Duration;
import java.util.List;

/**
 * What has happened so far, in incident time order: alerts, messages, the CRM's crashes, deploys and restarts, and
 * what you did and said. The postmortem's timeline, written as it happens.
 */
public final class TimelineCommand implements Command {

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public String summary() {
        return "what has happened so far: alerts, messages, crashes, deploys, and your own actions and notes";
    }

    @Override
    public String usage() {
        return "timeline";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SITUATION;
    }

    @Override
    public String example() {
        return "timeline";
    }

    @Override
    public Result run(List<String> args, DrillSession session) {
        // Happenings hold only what the trainee saw or did; decoys never reach them.
        List<Happening> all = session.drill().happenings().all();
        String start = session.drill().clock().clockTextSeconds(Duration.ZERO);
        StringBuilder text = new StringBuilder(session.style().bold("Timeline from " + start + " to "
                + session.clock())).append('\n');
        if (all.isEmpty()) {
            text.append("Nothing has happened yet; it is ").append(session.clock()).append('.');
        }
        all.forEach(h -> text.append(HappeningText.line(h, session.style())).append('\n'));
        return Result.ok(text.toString().strip());
    }
}
