package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/** Declares how severe the incident is, which tells stakeholders how much to drop for it. */
public final class SeverityCommand implements Command {

    private static final List<String> LEVELS = List.of("SEV1", "SEV2", "SEV3");

    @Override
    public String name() {
        return "severity";
    }

    @Override
    public String summary() {
        return "declare the incident's severity (SEV1 most severe)";
    }

    @Override
    public String usage() {
        return "severity SEV1|SEV2|SEV3";
    }

    @Override
    public Purpose purpose() {
        return Purpose.PEOPLE;
    }

    @Override
    public String example() {
        return "severity SEV2";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? LEVELS : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        if (args.size() != 1 || !LEVELS.contains(args.get(0).toUpperCase(Locale.ROOT))) {
            throw new UsageException("severity takes one level: " + String.join(", ", LEVELS));
        }
        String level = args.get(0).toUpperCase(Locale.ROOT);
        String previous = session.drill().happenings().latest("severity").map(h -> h.text("severity"))
                .orElse(null);
        JsonObjectBuilder fields = Json.createObjectBuilder().add("severity", level);
        if (previous != null) {
            fields.add("previous", previous);
        }
        session.record("severity", fields);
        String was = previous == null ? "" : previous.equals(level) ? " (unchanged)" : " (was " + previous + ")";
        return Result.ok("Severity declared " + session.style().severity(level) + " at " + session.clock() + was
                + ".");
    }
}
