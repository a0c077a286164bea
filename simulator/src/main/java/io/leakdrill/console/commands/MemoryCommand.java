package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where the CRM's memory is beyond the heap: memory pools (metaspace, code cache), NIO buffer pools, the resident set
 * and native memory tracking, so a trainee can tell a heap leak from a native one.
 */
public final class MemoryCommand implements Command {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String summary() {
        return "the CRM's memory: heap, each memory pool, direct/mapped buffers, resident set, native memory summary";
    }

    @Override
    public String usage() {
        return "memory";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SERVER;
    }

    @Override
    public String example() {
        return "memory";
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        var crm = session.drill().crm();
        if (crm.port() < 0) {
            return Result.error("the CRM is down; there is no memory to inspect");
        }
        JsonObject m = crm.admin().memory(Duration.ofSeconds(10));
        JsonObject heap = m.getJsonObject("heap");
        double tookMs = Format.millis(bytes(m, "tookMicros"));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "CRM pid %d at %s (the report took %.1f ms in the CRM)%nHeap: used %s, committed %s, max %s%n%n"
                        + "%-34s %-8s %10s %10s %10s%n",
                crm.process().pid(), session.drill().clock().clockText(), tookMs, Format.mb(bytes(heap, "used")),
                Format.mb(bytes(heap, "committed")), max(heap), "MEMORY POOL", "TYPE", "USED", "COMMITTED", "MAX"));
        long metaspace = -1;
        for (JsonValue v : m.getJsonArray("pools")) {
            JsonObject pool = v.asJsonObject();
            text.append(String.format(Locale.ROOT, "%-34s %-8s %10s %10s %10s%n", pool.getString("name"),
                    pool.getString("type"), Format.mb(bytes(pool, "used")), Format.mb(bytes(pool, "committed")),
                    max(pool)));
            if (pool.getString("name").equals("Metaspace")) {
                metaspace = bytes(pool, "used");
            }
        }
        text.append(String.format(Locale.ROOT, "%n%-34s %8s %10s %10s%n", "BUFFER POOL", "COUNT", "USED",
                "CAPACITY"));
        long direct = -1;
        for (JsonValue v : m.getJsonArray("buffers")) {
            JsonObject buffer = v.asJsonObject();
            text.append(String.format(Locale.ROOT, "%-34s %8d %10s %10s%n", buffer.getString("name"),
                    bytes(buffer, "count"), Format.mb(bytes(buffer, "used")), Format.mb(bytes(buffer, "capacity"))));
            if (buffer.getString("name").equals("direct")) {
                direct = bytes(buffer, "used");
            }
        }
        long rss = m.containsKey("rssBytes") ? bytes(m, "rssBytes") : -1;
        text.append(String.format(Locale.ROOT, "%nResident set (VmRSS): %s%n",
                rss >= 0 ? Format.mb(rss) : "not available on this system"));
        long nmtCommitted = -1;
        if (m.containsKey("nmt")) {
            JsonObject nmt = m.getJsonObject("nmt");
            nmtCommitted = bytes(nmt, "committed");
            text.append(String.format(Locale.ROOT, "Native memory tracking: committed %s in total (reserved %s)%n",
                    Format.mb(nmtCommitted), Format.mb(bytes(nmt, "reserved"))));
            for (JsonValue v : nmt.getJsonArray("categories")) {
                JsonObject c = v.asJsonObject();
                text.append(String.format(Locale.ROOT, "  %-28s %10s committed%n", c.getString("category"),
                        Format.mb(bytes(c, "committed"))));
            }
        } else {
            text.append("Native memory tracking is off in this CRM.\n");
        }
        text.append("The heap is only part of the process: compare the resident set with heap committed.");
        JsonObjectBuilder evidence = Json.createObjectBuilder().add("kind", "memory")
                .add("heapUsed", bytes(heap, "used")).add("metaspaceUsed", metaspace).add("directUsed", direct)
                .add("rssBytes", rss).add("nmtCommitted", nmtCommitted).add("tookMs", tookMs);
        session.evidence(evidence);
        return Result.ok(text.toString());
    }

    private static long bytes(JsonObject o, String key) {
        return o.getJsonNumber(key).longValue();
    }

    private static String max(JsonObject usage) {
        long max = bytes(usage, "max");
        return max < 0 ? "none" : Format.mb(max);
    }
}
