package io.leakdrill.crm.telemetry;

import com.sun.management.OperatingSystemMXBean;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** Builds the CRM's telemetry document from the JVM's own MXBeans, the request counters and its database calls. */
public final class MetricsReport {

    private final GcWatcher gc;
    private final RequestStats requests;
    private final DatabaseStats database;
    private final MonitorCost cost;

    public MetricsReport(GcWatcher gc, RequestStats requests, DatabaseStats database, MonitorCost cost) {
        this.gc = gc;
        this.requests = requests;
        this.database = database;
        this.cost = cost;
    }

    public JsonObject now() {
        // Counts before readings: a collection that ends while the report is built then shows in a reading one
        // sample before its count, never the other way round. A histogram's full GC once landed in between, and
        // its sample paired the new full-GC count with the live set from before it.
        JsonArrayBuilder collectors = Json.createArrayBuilder();
        long[] young = new long[2];
        long[] full = new long[2];
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            long count = collector.getCollectionCount();
            long timeMs = collector.getCollectionTime();
            collectors.add(Json.createObjectBuilder().add("name", collector.getName()).add("count", count)
                    .add("timeMs", timeMs));
            long[] kind = MemoryAreas.isYoung(collector) ? young : full;
            kind[0] += count;
            kind[1] += timeMs;
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage old = gc.oldPool().getUsage();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] latency = requests.percentilesMillis(0.5, 0.95, 0.99);
        return Json.createObjectBuilder()
                .add("pid", ProcessHandle.current().pid())
                .add("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime())
                .add("heap", Json.createObjectBuilder()
                        .add("used", heap.getUsed())
                        .add("committed", heap.getCommitted())
                        .add("max", heap.getMax()))
                .add("old", Json.createObjectBuilder()
                        .add("pool", gc.oldPool().getName())
                        .add("used", old.getUsed())
                        .add("max", old.getMax())
                        .add("afterGc", gc.oldAfterLastGc())
                        .add("afterFullGc", gc.oldAfterLastFullGc())
                        .add("floor", gc.floor()))
                .add("gc", collectors)
                .add("threads", ManagementFactory.getThreadMXBean().getThreadCount())
                .add("processCpuLoad", Math.max(0, os.getProcessCpuLoad()))
                .add("processCpuTimeNs", os.getProcessCpuTime())
                .add("monitorCpuTimeNs", cost.totalNanos())
                .add("requests", requests.requests())
                .add("errors", requests.errors())
                .add("latencyMs", Json.createObjectBuilder()
                        .add("p50", latency[0])
                        .add("p95", latency[1])
                        .add("p99", latency[2]))
                .add("db", database.json())
                .add("jvm", jvm(young, full))
                .build();
    }

    // Beyond the old generation: where metaspace and native leaks show, and young against full collections.
    private static JsonObjectBuilder jvm(long[] young, long[] full) {
        JsonObjectBuilder jvm = Json.createObjectBuilder();
        MemoryUsage eden = MemoryAreas.pool("Eden").map(MemoryPoolMXBean::getUsage).orElse(new MemoryUsage(0, 0, 0, 0));
        jvm.add("eden", Json.createObjectBuilder().add("used", eden.getUsed()).add("committed", eden.getCommitted()));
        MemoryUsage metaspace = MemoryAreas.pool("Metaspace").map(MemoryPoolMXBean::getUsage)
                .orElse(new MemoryUsage(0, 0, 0, 0));
        jvm.add("metaspace", Json.createObjectBuilder().add("used", metaspace.getUsed())
                .add("max", Math.max(0, metaspace.getMax())));
        BufferPoolMXBean direct = MemoryAreas.directBuffers();
        jvm.add("direct", Json.createObjectBuilder().add("used", direct.getMemoryUsed())
                .add("count", direct.getCount()).add("max", MemoryAreas.maxDirectMemory()));
        jvm.add("rssBytes", MemoryReport.residentSetBytes().orElse(0));
        jvm.add("young", Json.createObjectBuilder().add("count", young[0]).add("timeMs", young[1]));
        jvm.add("full", Json.createObjectBuilder().add("count", full[0]).add("timeMs", full[1]));
        return jvm;
    }
}
