package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.world.monitor.Alert;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/** Acknowledges one alert, or every firing one: the page stops escalating and the team knows someone is on it. */
public final class AckCommand implements Command {

    @Override
    public String name() {
        return "ack";
    }

    @Override
    public String summary() {
        return "acknowledge an alert (no id: every firing alert)";
    }

    @Override
    public String usage() {
        return "ack [ID]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SITUATION;
    }

    @Override
    public String example() {
        return "ack A1";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        return typed.isEmpty() ? session.drill().alerts().firing().stream().map(a -> a.id()).toList() : List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws UsageException {
        List<Alert> chosen = new ArrayList<>();
        if (args.isEmpty()) {
            session.drill().alerts().firing().stream().filter(a -> !a.acknowledged()).forEach(chosen::add);
            if (chosen.isEmpty()) {
                return Result.ok("No unacknowledged firing alerts.");
            }
        } else {
            for (String id : args) {
                chosen.add(session.drill().alerts().byId(id)
                        .orElseThrow(() -> new UsageException("no alert '" + id + "'; see `alerts`")));
            }
        }
        JsonArrayBuilder ids = Json.createArrayBuilder();
        chosen.forEach(a -> {
            a.acknowledge();
            ids.add(a.id());
        });
        session.record("ack", Json.createObjectBuilder().add("alerts", ids));
        return Result.ok("Acknowledged " + String.join(", ", chosen.stream().map(Alert::id).toList())
                + ". You own the incident now.");
    }
}
