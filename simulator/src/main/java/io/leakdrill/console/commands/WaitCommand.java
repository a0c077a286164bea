package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.grader.DurationText;
import java.time.Duration;
import java.util.List;

/** Lets incident time pass while the world runs on. */
public final class WaitCommand implements Command {

    @Override
    public String name() {
        return "wait";
    }

    @Override
    public String summary() {
        return "let incident time pass, e.g. `wait 5m`";
    }

    @Override
    public String usage() {
        return "wait DURATION";
    }

    @Override
    public Purpose purpose() {
        return Purpose.DRILL;
    }

    @Override
    public String example() {
        return "wait 5m";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException, InterruptedException {
        if (args.size() != 1) {
            throw new UsageException("wait takes one duration such as 90s or 5m");
        }
        Duration duration;
        try {
            duration = DurationText.parse(args.get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (duration.compareTo(Duration.ofHours(3)) > 0) {
            throw new UsageException("wait at most 3h at a time");
        }
        session.waitIncident(duration);
        return Result.ok("It is now " + session.clock() + ".");
    }
}
