package io.leakdrill.crm.http;

import io.leakdrill.crm.CrmLog;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.PipelineLine;
import io.leakdrill.crm.session.LoginService;
import io.leakdrill.crm.session.SessionCacheSlot;
import io.leakdrill.crm.telemetry.ClassHistogram;
import io.leakdrill.crm.telemetry.GcWatcher;
import io.leakdrill.crm.telemetry.MetricsReport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * The CRM's operator endpoints (telemetry, class histogram, deploy, warm-up), each behind the drill's token so
 * nothing else on the machine can drive them.
 */
public final class AdminHandler implements HttpHandler {

    private final String token;
    private final MetricsReport metrics;
    private final GcWatcher gc;
    private final SessionCacheSlot sessions;
    private final LoginService logins;
    private final CrmRepository repository;
    private final CrmLog log;

    public AdminHandler(String token, MetricsReport metrics, GcWatcher gc, SessionCacheSlot sessions,
            LoginService logins, CrmRepository repository, CrmLog log) {
        this.token = token;
        this.metrics = metrics;
        this.gc = gc;
        this.sessions = sessions;
        this.logins = logins;
        this.repository = repository;
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
            log.error("admin " + ex.path() + " failed", oom);
            ex.error(503, "out of memory: " + oom.getMessage());
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
            case "GET /admin/metrics" -> ex.json(200, metrics.now());
            case "GET /admin/histogram" -> histogram(ex);
            case "POST /admin/deploy" -> deploy(ex);
            case "POST /admin/warmup" -> warmup(ex);
            default -> ex.error(404, "no such admin endpoint: " + ex.method() + " " + ex.path());
        }
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

    private void deploy(Exchange ex) throws IOException {
        JsonObject body = ex.jsonBody();
        String component = body.getString("component", "");
        String variant = body.getString("variant", "");
        boolean applied;
        if (SessionCacheSlot.COMPONENT.equals(component)) {
            applied = sessions.deploy(variant);
        } else if ("deals-repository".equals(component) && "indexed".equals(variant)) {
            repository.indexDealsByCustomer();
            applied = true;
        } else {
            applied = false;
        }
        if (!applied) {
            ex.error(404, "no deployable variant " + variant + " of component " + component);
            return;
        }
        log.info("deployed " + component + " variant " + variant + ": now " + sessions.cache().implementation());
        ex.json(200, Json.createObjectBuilder().add("component", component).add("variant", variant)
                .add("implementation", SessionCacheSlot.COMPONENT.equals(component)
                        ? sessions.cache().implementation() : variant).build());
    }

    /**
     * Replays historic log-ins through the real login path so the drill can start where the story starts, with the
     * leak already grown; the full GCs around it measure what each session retains.
     */
    private void warmup(Exchange ex) throws IOException {
        int count = Integer.parseInt(ex.query().getOrDefault("logins", "0"));
        long[] measured = replayLogins(count);
        // The pipelines read for the replay are garbage now; what remains is the floor the sessions left.
        long after = oldAfterFullGc();
        long snapshot = Math.max(0, measured[1] - after);
        gc.restartFloor(after);
        ex.json(200, Json.createObjectBuilder()
                .add("logins", count)
                .add("oldBefore", measured[0] - snapshot)
                .add("oldAfter", after)
                .add("oldMax", gc.oldPool().getUsage().getMax())
                .build());
    }

    /**
     * One read of every rep's pipeline instead of a query per log-in keeps the drill's start fast. The read also
     * fills the repository's shared values, so both measurements (old generation after a full GC, before and after
     * the log-ins) hold it and their difference is the sessions alone.
     */
    private long[] replayLogins(int count) {
        Map<String, List<PipelineLine>> pipelines = repository.pipelines();
        long before = oldAfterFullGc();
        List<String> reps = List.copyOf(pipelines.keySet());
        for (int i = 0; i < count; i++) {
            String rep = reps.get(i % reps.size());
            logins.replay(rep, pipelines.get(rep));
        }
        return new long[] {before, oldAfterFullGc()};
    }

    // Read straight after the collection: GC notifications arrive on another thread, too late for this.
    private long oldAfterFullGc() {
        System.gc();
        return gc.oldPool().getUsage().getUsed();
    }
}
