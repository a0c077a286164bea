package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A thread dump of the CRM, summarised: how many threads in which state and pool, and who waits on whose lock. */
public final class ThreadsCommand implements Command {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public String summary() {
        return "thread dump summary of the CRM: threads by state and by pool, and threads waiting on a held lock";
    }

    @Override
    public String usage() {
        return "threads";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SERVER;
    }

    @Override
    public String example() {
        return "threads";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        var crm = session.drill().crm();
        if (crm.port() < 0) {
            return Result.error("the CRM is down; there are no threads to dump");
        }
        JsonObject dump = crm.admin().threads(Duration.ofSeconds(10));
        int count = dump.getInt("count");
        double tookMs = Format.millis(dump.getJsonNumber("tookMicros").longValue());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "CRM pid %d at %s: %d threads%nBy state: %s%n"
                + "The dump took %.1f ms in the CRM (it stops every thread at a safepoint)%n%nBY NAME GROUP%n",
                crm.process().pid(), session.drill().clock().clockText(), count,
                joined(dump.getJsonObject("byState")), tookMs));
        dump.getJsonObject("byGroup").entrySet().stream()
                .sorted((a, b) -> Integer.compare(number(b.getValue()), number(a.getValue())))
                .forEach(e -> text.append(String.format(Locale.ROOT, "%5d  %s%n", number(e.getValue()), e.getKey())));
        var waiting = dump.getJsonArray("waitingOnLocks");
        if (waiting.isEmpty()) {
            text.append("\nNo thread is waiting on a lock another thread holds.");
        } else {
            text.append(String.format(Locale.ROOT, "%nWAITING ON A HELD LOCK%n"));
            for (JsonValue v : waiting) {
                JsonObject w = v.asJsonObject();
                text.append(String.format(Locale.ROOT, "%s (%s) waits on %s held by %s%n", w.getString("thread"),
                        w.getString("state"), w.getString("lock"), w.getString("owner")));
            }
        }
        session.evidence(Json.createObjectBuilder().add("kind", "threads").add("count", count)
                .add("byState", dump.getJsonObject("byState")).add("waitingOnLocks", waiting.size())
                .add("tookMs", tookMs));
        return Result.ok(text.toString().strip());
    }

    private static String joined(JsonObject counts) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, JsonValue> e : counts.entrySet()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(number(e.getValue()));
        }
        return s.toString();
    }

    private static int number(JsonValue v) {
        return ((jakarta.json.JsonNumber) v).intValue();
    }
}
