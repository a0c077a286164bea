package io.leakdrill.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.CrmUnderTest;
import io.leakdrill.world.crm.CrmLaunch;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' keep-alive connections must not hold on to what they once carried: a step in the heap floor when traffic
 * begins reads, on the trainee's dashboard, as the leak racing ahead of its story.
 */
class KeepAliveBuffersTest {

    private static final Duration CALL = Duration.ofSeconds(30);
    private static final int CONNECTIONS = 20;

    @TempDir
    Path dir;

    private CrmUnderTest crm;

    @BeforeEach
    void start() throws Exception {
        crm = CrmUnderTest.start(9, login -> new CrmLaunch(dir, 128, "g1", List.of(), false, 9, 60, Map.of(),
                "test-token", login));
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @Test
    void connectionsThatCarriedBigReportsKeepNoBigBuffers() throws Exception {
        // Each client keeps its own connection open, as each user's browser would.
        List<HttpClient> users = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            users.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        String session = logIn(users.get(0));
        long reportBytes = report(users.get(0), session);
        long before = liveHeapAfterFullGc();

        for (HttpClient user : users) {
            report(user, session);
        }
        long grown = liveHeapAfterFullGc() - before;

        assertTrue(reportBytes > 100_000, "the report is big: " + reportBytes + " bytes");
        assertTrue(grown < CONNECTIONS * reportBytes / 4, CONNECTIONS + " connections that carried a " + reportBytes
                + "-byte report keep " + grown + " bytes");
    }

    private long liveHeapAfterFullGc() throws Exception {
        // A warm-up of no uses is only full GCs; its reading is the live old generation.
        return crm.admin().warmup("session-cache", "heap", 0, CALL).getJsonNumber("after").longValue();
    }

    private String logIn(HttpClient user) throws Exception {
        HttpResponse<String> response = user.send(HttpRequest.newBuilder(crm.uri("/api/login")).timeout(CALL)
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"rep-01\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("session");
    }

    private long report(HttpClient user, String session) throws Exception {
        HttpResponse<byte[]> response = user.send(HttpRequest.newBuilder(crm.uri("/api/reports/pipeline?region="))
                .timeout(CALL).header("X-Session", session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body().length;
    }
}
