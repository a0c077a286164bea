package io.leakdrill.crm.http;

import io.leakdrill.crm.CrmLog;
import io.leakdrill.crm.ComponentRegistry;
import io.leakdrill.crm.telemetry.ClassHistogram;
import io.leakdrill.crm.telemetry.GcWatcher;
import io.leakdrill.crm.telemetry.HeapDump;
import io.leakdrill.crm.telemetry.MemoryAreas;
import io.leakdrill.crm.telemetry.MemoryReport;
import io.leakdrill.crm.telemetry.MetricsReport;
import io.leakdrill.crm.telemetry.MonitorCost;
import io.leakdrill.crm.telemetry.RetentionRecording;
import io.leakdrill.crm.telemetry.WorkingFolderDump;
import io.leakdrill.crm.telemetry.ThreadReport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The CRM's operator endpoints (telemetry, class histogram, GC roots, heap dump, memory, threads, deploy,
 * warm-up), each behind the drill's token so nothing else on the machine can drive them.
 */
public final class AdminHandler implements HttpHandler {

    private final String token;
    private final MetricsReport metrics;
    private final GcWatcher gc;
    private final MonitorCost cost;
    private final ComponentRegistry components;
    private final RetentionRecording retention = new RetentionRecording();
    private final long seed;
    private final CrmLog log;

    public AdminHandler(String token, MetricsReport metrics, MonitorCost cost, GcWatcher gc,
            ComponentRegistry components, long seed, CrmLog log) {
        this.cost = cost;
        this.token = token;
        this.metrics = metrics;
        this.gc = gc;
        this.components = components;
        this.seed = seed;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        Exchange ex = new Exchange(http);
        try {
            if (!authorised(ex.header("X-Admin-Token"))) {
                ex.error(401, "admin token required");
                return;
            }
            route(ex);
        } catch (Exception e) {
            log.error("admin " + ex.path() + " failed", e);
            ex.error(500, String.valueOf(e));
        } catch (OutOfMemoryError oom) {
            // No `+` here: its first use links a call site in metaspace, which may be what ran out.
            log.error(new StringBuilder("admin ").append(ex.path()).append(" failed").toString(), oom);
            ex.error(503, "out of memory: ".concat(String.valueOf(oom.getMessage())));
        } finally {
            http.close();
        }
    }

    private boolean authorised(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private void route(Exchange ex) throws Exception {
        switch (ex.method() + " " + ex.path()) {
            case "GET /admin/metrics" -> cost.measure(() -> ex.json(200, metrics.now()));
            case "GET /admin/histogram" -> histogram(ex);
            case "POST /admin/roots" -> roots(ex);
            case "POST /admin/heapdump" -> heapDump(ex);
            case "GET /admin/memory" -> ex.json(200, timed(MemoryReport::now));
            case "GET /admin/threads" -> ex.json(200, timed(ThreadReport::now));
            case "POST /admin/deploy" -> deploy(ex);
            case "POST /admin/warmup" -> warmup(ex);
            default -> ex.error(404, "no such admin endpoint: " + ex.method() + " " + ex.path());
        }
    }

    // Measured here, in the CRM, so the figure is what the tool cost the server (a thread dump stops every thread at
    // a safepoint), not the HTTP round trip the console sees.
    private static JsonObject timed(Callable<JsonObject> report) throws Exception {
        long start = System.nanoTime();
        JsonObject body = report.call();
        long tookMicros = (System.nanoTime() - start) / 1000;
        return Json.createObjectBuilder(body).add("tookMicros", tookMicros).build();
    }

    private void histogram(Exchange ex) throws Exception {
        int top = Integer.parseInt(ex.query().getOrDefault("top", "20"));
        long start = System.nanoTime();
        List<ClassHistogram.Row> rows = ClassHistogram.take(top);
        long pauseMicros = (System.nanoTime() - start) / 1000;
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ClassHistogram.Row row : rows) {
            array.add(Json.createObjectBuilder().add("class", row.className()).add("instances", row.instances())
                    .add("bytes", row.bytes()));
        }
        ex.json(200, Json.createObjectBuilder().add("tookMicros", pauseMicros).add("rows", array).build());
    }

    // First call starts the recording; later calls dump it to `file` with paths to GC roots (a pause that walks the
    // heap). The caller reads the dump.
    private void roots(Exchange ex) throws IOException {
        var started = retention.startedAt();
        if (started.isEmpty()) {
            retention.start();
            ex.json(200, Json.createObjectBuilder().add("started", retention.startedAt().orElseThrow().toString())
                    .build());
            return;
        }
        WorkingFolderDump dump;
        try {
            dump = retention.dump(ex.query().getOrDefault("file", ""));
        } catch (IllegalArgumentException refused) {
            ex.error(400, refused.getMessage());
            return;
        }
        ex.json(200, Json.createObjectBuilder().add("started", started.get().toString())
                .add("file", dump.file().toString()).add("bytes", dump.bytes())
                .add("tookMicros", dump.pauseMicros()).build());
    }

    private void heapDump(Exchange ex) throws IOException {
        WorkingFolderDump dump;
        try {
            dump = HeapDump.take(ex.query().getOrDefault("file", ""));
        } catch (IllegalArgumentException refused) {
            ex.error(400, refused.getMessage());
            return;
        }
        log.info("heap dump written to " + dump.file() + " (" + dump.bytes() + " bytes)");
        ex.json(200, Json.createObjectBuilder().add("file", dump.file().toString()).add("bytes", dump.bytes())
                .add("pauseMicros", dump.pauseMicros()).build());
    }

    private void deploy(Exchange ex) throws IOException {
        JsonObject body = ex.jsonBody();
        String component = body.getString("component", "");
        String version = body.getString("version", "");
        Optional<String> running = components.deploy(component, version);
        if (running.isEmpty()) {
            ex.error(404, "no deployable version " + version + " of component " + component);
            return;
        }
        log.info("deployed " + component + " version " + version + ": now " + running.get());
        ex.json(200, Json.createObjectBuilder().add("component", component).add("version", version)
                .add("implementation", running.get()).build());
    }

    // `count` uses are replayed; with `toRatio`, they are a probe, and the replay goes on until the area holds that
    // share of its limit, judged by what the probe kept per use. One call, one pass over the pipelines.
    private void warmup(Exchange ex) throws IOException {
        String component = ex.query().getOrDefault("component", "session-cache");
        int probe = Integer.parseInt(ex.query().getOrDefault("count", "0"));
        String area = ex.query().getOrDefault("area", "heap");
        double toRatio = Double.parseDouble(ex.query().getOrDefault("toRatio", "0"));
        long max = limit(area);
        // Classes the read loads stay in metaspace for good: there, what the probe measured is the floor.
        ComponentRegistry.Replayed replayed = components.replayHistory(component, probe, seed * 31 + probe,
                () -> usedAfterFullGc(area), (before, afterProbe, now) -> toRatio <= 0 || probe <= 0 ? 0
                        : (int) Math.max(0, (toRatio * max - now) / perUse(before, afterProbe, probe)));
        long after = usedAfterFullGc(area);
        gc.restartFloor(area.equals("heap") ? after : usedAfterFullGc("heap"));
        ex.json(200, Json.createObjectBuilder()
                .add("component", component)
                .add("count", probe)
                .add("area", area)
                .add("before", replayed.before() - replayed.pipelines())
                .add("perUse", perUse(replayed.before(), replayed.afterProbe(), probe))
                .add("after", after)
                .add("max", max)
                .build());
    }

    // What one replayed use kept, at least 1000 bytes: a probe lost in the noise must not ask for millions more.
    private static long perUse(long before, long afterProbe, int probe) {
        return Math.max(1000, (afterProbe - before) / Math.max(1, probe));
    }

    // Read straight after the collection: GC notifications arrive on another thread, too late for this. A full GC
    // also unloads unreachable classes and frees unreachable direct buffers, so every area reads what is live.
    private long usedAfterFullGc(String area) {
        System.gc();
        return switch (area) {
            case "metaspace" -> MemoryAreas.pool("Metaspace").orElseThrow().getUsage().getUsed();
            case "native" -> MemoryAreas.directBuffers().getMemoryUsed();
            default -> gc.oldPool().getUsage().getUsed();
        };
    }

    private long limit(String area) {
        return switch (area) {
            case "metaspace" -> Math.max(0, MemoryAreas.pool("Metaspace").orElseThrow().getUsage().getMax());
            case "native" -> MemoryAreas.maxDirectMemory();
            default -> gc.oldPool().getUsage().getMax();
        };
    }
}
