package io.leakdrill.crm.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.OptionalLong;

/**
 * Where this JVM's memory is, the way an operator reads it: heap, every memory pool, NIO buffer pools, the process's
 * resident set, and native memory tracking's summary. Heap alone misses metaspace, direct buffer and thread leaks.
 */
public final class MemoryReport {

    private static final int TOP_CATEGORIES = 8;

    private MemoryReport() {
    }

    public static JsonObject now() throws Exception {
        JsonObjectBuilder report = Json.createObjectBuilder()
                .add("heap", usage(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()));
        JsonArrayBuilder pools = Json.createArrayBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pools.add(usage(pool.getUsage()).add("name", pool.getName())
                    .add("type", pool.getType() == java.lang.management.MemoryType.HEAP ? "heap" : "non-heap"));
        }
        report.add("pools", pools);
        JsonArrayBuilder buffers = Json.createArrayBuilder();
        for (BufferPoolMXBean buffer : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            buffers.add(Json.createObjectBuilder().add("name", buffer.getName()).add("count", buffer.getCount())
                    .add("used", buffer.getMemoryUsed()).add("capacity", buffer.getTotalCapacity()));
        }
        report.add("buffers", buffers);
        residentSetBytes().ifPresent(rss -> report.add("rssBytes", rss));
        NativeMemory.summary().ifPresent(nmt -> {
            JsonArrayBuilder categories = Json.createArrayBuilder();
            nmt.categories().stream().limit(TOP_CATEGORIES).forEach(c -> categories.add(Json.createObjectBuilder()
                    .add("category", c.category()).add("reserved", c.reservedBytes())
                    .add("committed", c.committedBytes())));
            report.add("nmt", Json.createObjectBuilder().add("reserved", nmt.total().reservedBytes())
                    .add("committed", nmt.total().committedBytes()).add("categories", categories));
        });
        return report.build();
    }

    private static JsonObjectBuilder usage(MemoryUsage u) {
        // max is -1 when a pool has no limit (metaspace by default); the console shows that as "none".
        return Json.createObjectBuilder().add("used", u.getUsed()).add("committed", u.getCommitted())
                .add("max", u.getMax());
    }

    /** VmRSS from /proc/self/status: only Linux has it, so elsewhere the report leaves it out. */
    static OptionalLong residentSetBytes() {
        return ProcStatus.self().map(status -> status.bytes("VmRSS")).orElse(OptionalLong.empty());
    }
}
