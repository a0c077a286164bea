package io.leakdrill.crm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.world.crm.CrmHost;
import io.leakdrill.world.crm.CrmLaunch;
import io.leakdrill.world.crm.RetentionPaths;
import io.leakdrill.world.database.CrmDatabase;
import io.leakdrill.world.users.RequestMix;
import io.leakdrill.world.users.TrafficLog;
import io.leakdrill.world.users.VirtualUsers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk import's thread-local leak against a real CRM JVM under real HTTP traffic: each import's audited changes
 * stay on the worker thread that ran it, the scoped version lets go of them, and the CRM's other per-thread state
 * stays the size of the worker pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkImportLeakTest {

    private static final Duration CALL = Duration.ofSeconds(30);
    private int dumps;
    private static final String CHANGE = "io.leakdrill.crm.imports.DealChange";
    private static final String CONTEXT = "io.leakdrill.crm.imports.ImportContext";
    private static final String FORMAT = "java.text.DecimalFormat";
    private static final String SUMMARY = "io.leakdrill.crm.session.DealSummary";

    @TempDir
    Path dir;

    private CrmDatabase database;
    private CrmHost crm;
    private VirtualUsers users;
    private volatile double importChance;

    // One database for both tests: seeding it is the slow part, and neither test depends on the other's writes.
    @BeforeAll
    void startDatabase() throws Exception {
        database = CrmDatabase.start(4);
        database.awaitSeeded(CALL);
    }

    @AfterAll
    void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void start() throws Exception {
        crm = new CrmHost(new CrmLaunch(dir, 64, "g1", List.of(), false, 4, 120,
                Map.of("bulk-import", "original", "session-cache", "evicting"), "test-token", database.crmLogin()),
                HttpClient.newHttpClient());
        crm.start();
    }

    @AfterEach
    void stop() {
        if (users != null) {
            users.close();
            users = null;
        }
        crm.close();
    }

    @Test
    void aReplayedImportRetainsWhatALiveImportRetains() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String session = logIn(http);
        // The first imports load classes and open connections once; measure after them.
        importLive(http, session, 32, new Random(1));
        int replays = 200;
        JsonObject replayed = crm.admin().warmup("bulk-import", "heap", replays, CALL);
        long perReplayed = (replayed.getJsonNumber("after").longValue()
                - replayed.getJsonNumber("before").longValue()) / replays;

        int live = 200;
        importLive(http, session, live, new Random(2));
        // A warm-up of no imports is only full GCs: the growth since the last one is what the live imports retain.
        long afterLive = crm.admin().warmup("bulk-import", "heap", 0, CALL).getJsonNumber("after").longValue();
        long perLive = (afterLive - replayed.getJsonNumber("after").longValue()) / live;

        assertTrue(perLive > 10_000, "a live import retains its audited changes: " + perLive + " bytes");
        assertTrue(Math.abs(perReplayed - perLive) < perLive * 0.1,
                "replayed " + perReplayed + " bytes per import, live " + perLive);
    }

    @Test
    void importsPileUpOnTheWorkersUntilTheScopedVersionEndsEachContext() throws Exception {
        crm.admin().roots("start.jfr", CALL);
        users = new VirtualUsers(10, 20, Duration.ofSeconds(5), new RequestMix(Map.of("search", 5,
                "open-customer", 4, "update-deal", 1)), crm::port, VirtualUsers.Habit.BULK_IMPORT,
                () -> importChance, new TrafficLog(50_000), 4);
        importChance = 0.5;
        long formatsBefore = instances(FORMAT);
        users.start();
        long changesBefore = instances(CHANGE);
        await("imports leave their audited changes behind").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> instances(CHANGE) > changesBefore + 10_000);
        long sessions = instances(SUMMARY);

        // The CRM's other per-thread state is one object per worker, however many imports ran.
        assertTrue(instances(CONTEXT) <= 16, "at most one import context per worker thread");
        long formats = instances(FORMAT);
        assertTrue(formats <= formatsBefore + 16, "one amount format per worker thread: " + formatsBefore + " -> "
                + formats);
        // Old-object samples are drawn at random from new allocations: wait for one that a live import left.
        await("a sampled change traced to the workers' thread-locals").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> RetentionPaths.read(Path.of(crm.admin()
                        .roots("roots-" + (++dumps) + ".jfr", CALL).getString("file")), "DealChange", 5).stream()
                        .map(p -> String.join(" <- ", p.chain()) + " root: " + p.root())
                        .anyMatch(p -> p.contains("java.lang.Thread.threadLocals")
                                && p.contains("io.leakdrill.crm.imports.ImportContext.batches")
                                && p.contains("http-worker-")));

        crm.admin().deploy("bulk-import", "scoped", CALL);
        // Each worker lets go of its context at its next import; then only imports in flight hold changes.
        await("every worker's context is gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> instances(CHANGE) < 16 * 50);
        long settled = floor();
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        long highest = settled;
        while (System.nanoTime() < deadline) {
            pass(Duration.ofMillis(500));
            highest = Math.max(highest, floor());
        }
        long changesAfterFix = instances(CHANGE);
        // With the original version these users leave about 1.5 MB a second (measured on a 2-core machine).
        assertTrue(highest < settled + 2_000_000, "floor flat after the fix: rose " + (highest - settled) + " bytes");
        assertTrue(changesAfterFix < 16 * 50, "imports after the fix keep nothing: " + changesAfterFix);
        assertTrue(instances(FORMAT) <= formats, "the per-thread amount formats stay as they were");
        assertEquals(sessions, instances(SUMMARY), "the session cache's pipelines neither grow nor shrink");
    }

    private long floor() throws Exception {
        return crm.admin().metrics(CALL).getJsonObject("old").getJsonNumber("floor").longValue();
    }

    private static void pass(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        await("time passes").atMost(time.plusSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.nanoTime() > until);
    }

    private String logIn(HttpClient http) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + crm.port()
                + "/api/login")).timeout(CALL).POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"rep-07\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        int start = body.indexOf("\"session\":\"") + 11;
        return body.substring(start, body.indexOf('"', start));
    }

    private void importLive(HttpClient http, String session, int times, Random random) throws Exception {
        for (int i = 0; i < times; i++) {
            StringBuilder csv = new StringBuilder("deal,stage,amount,close,note\n");
            for (int r = 0; r < 50; r++) {
                csv.append(1 + random.nextInt(10_000)).append(",proposal,").append(1_000 + random.nextInt(50_000))
                        .append(".50,2021-10-").append(10 + random.nextInt(20)).append(",updated after QBR\n");
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + crm.port() + "/api/deals/bulk")).timeout(CALL).header("X-Session", session)
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    private long instances(String className) throws Exception {
        for (JsonValue row : crm.admin().histogram(400, CALL).getJsonArray("rows")) {
            JsonObject r = row.asJsonObject();
            if (r.getString("class").equals(className)) {
                return r.getJsonNumber("instances").longValue();
            }
        }
        return 0;
    }
}
