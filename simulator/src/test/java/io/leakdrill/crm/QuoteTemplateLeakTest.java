package io.leakdrill.crm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.CrmUnderTest;
import io.leakdrill.world.crm.CrmLaunch;
import io.leakdrill.world.users.RequestMix;
import io.leakdrill.world.users.TrafficLog;
import io.leakdrill.world.users.VirtualUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quote templates' class-loader leak against a real CRM JVM: quotes fill metaspace while the heap neighbours stay
 * put, the parameterized version stops it and lets the old classes be unloaded, and running out of metaspace
 * degrades to logged 503s rather than killing the CRM.
 */
class QuoteTemplateLeakTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final String LOADER = "io.leakdrill.crm.quote.TemplateClassLoader";
    private static final String PIPELINES = "io.leakdrill.crm.session.DealSummary";

    @TempDir
    Path dir;

    private CrmUnderTest crm;
    private VirtualUsers users;
    private final HttpClient http = HttpClient.newHttpClient();

    // At real speed no session idles out while a test runs, so the session cache, a neighbour, must hold still.
    private void start(int heapMb, int metaspaceMb) throws Exception {
        crm = CrmUnderTest.start(5, login -> new CrmLaunch(dir, heapMb, "g1",
                List.of("-XX:MaxMetaspaceSize=" + metaspaceMb + "m"), false, 5, 1, Map.of("quote-templates",
                        "original", "session-cache", "evicting", "report-cache", "expiring"), "test-token", login));
    }

    @AfterEach
    void stop() {
        if (users != null) {
            users.close();
        }
        if (crm != null) {
            crm.close();
        }
    }

    private long metaspaceUsed() throws Exception {
        return crm.admin().metrics(CALL).getJsonObject("jvm").getJsonObject("metaspace").getJsonNumber("used")
                .longValue();
    }

    private static long metaspaceMax(JsonObject metrics) {
        return metrics.getJsonObject("jvm").getJsonObject("metaspace").getJsonNumber("max").longValue();
    }

    private static long oldAfterFullGc(JsonObject metrics) {
        return metrics.getJsonObject("old").getJsonNumber("afterFullGc").longValue();
    }

    private static long oldMax(JsonObject metrics) {
        return metrics.getJsonObject("old").getJsonNumber("max").longValue();
    }

    private long instances(String className) throws Exception {
        for (JsonValue row : crm.admin().histogram(300, CALL).getJsonArray("rows")) {
            JsonObject r = row.asJsonObject();
            if (r.getString("class").equals(className)) {
                return r.getJsonNumber("instances").longValue();
            }
        }
        return 0;
    }

    private static void pass(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        await("time passes").atMost(time.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> System.nanoTime() > until);
    }

    @Test
    void quotesFillMetaspaceTheFixStopsItAndUnloadsTheOldTemplates() throws Exception {
        start(192, 64);
        users = new VirtualUsers(10, 20, Duration.ofSeconds(3), new RequestMix(Map.of("search", 5,
                "open-customer", 4, "update-deal", 1)), crm::port, VirtualUsers.Habit.SEND_QUOTE, () -> 0.3,
                new TrafficLog(50_000), 5);
        users.start();
        pass(Duration.ofSeconds(2));
        long loadersBefore = instances(LOADER);
        long pipelinesBefore = instances(PIPELINES);
        JsonObject before = crm.admin().metrics(CALL);
        long start = metaspaceUsed();
        await("metaspace grows by 6 MB as reps send quotes").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250)).until(() -> metaspaceUsed() > start + 6_000_000);
        long loadersGrown = instances(LOADER);
        assertTrue(loadersGrown > loadersBefore + 300,
                "a class loader per compiled quote template: " + loadersBefore + " then " + loadersGrown);
        // The neighbours do not move: the same reps keep their sessions and the pipelines copied into them.
        assertTrue(pipelinesBefore > 0, "the reps' sessions hold their pipelines");
        assertEquals(pipelinesBefore, instances(PIPELINES), "sessions stay as they were");
        JsonObject grown = crm.admin().metrics(CALL);
        double metaspaceShare = (metaspaceUsed() - start) / (double) metaspaceMax(grown);
        double heapShare = (oldAfterFullGc(grown) - oldAfterFullGc(before)) / (double) oldMax(grown);
        assertTrue(metaspaceShare > 2 * heapShare, String.format(
                "metaspace fills far faster than the heap: +%.1f%% of its limit against +%.1f%% of the heap",
                metaspaceShare * 100, heapShare * 100));

        crm.admin().deploy("quote-templates", "parameterized", CALL);
        // The class histogram forces a full GC, which unloads every class whose loader is no longer reachable. The
        // fixed version compiles one template per id (five); a handful more sometimes stay (an open question, see
        // the issue 4 note), against hundreds leaked.
        await("the leaked templates unloaded after the fix").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500)).until(() -> instances(LOADER) <= 5 + 10);
        long settled = metaspaceUsed();
        assertTrue(settled < start, "metaspace drops below where it started once the old classes are unloaded: "
                + start + " then " + settled);
        AtomicLong highest = new AtomicLong(settled);
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        await("six seconds of quotes after the fix").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    highest.accumulateAndGet(metaspaceUsed(), Math::max);
                    return System.nanoTime() > deadline;
                });
        // With the leak on, these users add several MB in six seconds.
        assertTrue(highest.get() < settled + 1_000_000, "metaspace flat after the fix: rose "
                + (highest.get() - settled) + " bytes");
    }

    @Test
    void runningOutOfMetaspaceAnswers503AndLogsItWhileOtherPagesStillWork() throws Exception {
        // A small heap keeps the full GCs that precede OutOfMemoryError: Metaspace short.
        start(48, 16);
        // Log in, search and send a quote first: once metaspace is gone, only code that has run before still runs.
        String session = login();
        assertEquals(200, search(session).statusCode());
        assertEquals(201, quote(session).statusCode());
        try {
            // Weeks of quotes replayed until a compile finds no metaspace left.
            crm.admin().warmup("quote-templates", "metaspace", 5_000, CALL);
        } catch (IOException outOfMetaspace) {
            // The warm-up itself runs out of metaspace and says so; what matters is what users get next.
        }
        HttpResponse<String> quote = quote(session);
        assertEquals(503, quote.statusCode(), quote.body());
        Path log = crm.crm().process().stdout();
        await("the CRM log names the exhausted area").atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log)
                .contains("POST /api/quotes failed: java.lang.OutOfMemoryError: Metaspace"));
        HttpResponse<String> search = search(session);
        assertEquals(200, search.statusCode(), "searching needs no new class: " + search.body());
    }

    private HttpResponse<String> quote(String session) throws Exception {
        return send(HttpRequest.newBuilder(api("/api/quotes")).header("X-Session", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":42,\"template\":\"renewal\"}")));
    }

    private HttpResponse<String> search(String session) throws Exception {
        return send(HttpRequest.newBuilder(api("/api/customers?q=acme")).header("X-Session", session).GET());
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + crm.port() + path);
    }

    private String login() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"rep-07\"}")));
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("session");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
    }
}
