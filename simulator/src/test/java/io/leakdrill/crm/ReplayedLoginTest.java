package io.leakdrill.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.CrmUnderTest;
import io.leakdrill.world.crm.CrmLaunch;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill grows the leak by replaying historic log-ins from one read of every pipeline; each replayed session must
 * retain what a live log-in through the database retains, or the leak's pace would not match its plan.
 */
class ReplayedLoginTest {

    private static final Duration CALL = Duration.ofSeconds(30);
    private static final int LOGINS = 400;

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
    void aReplayedSessionRetainsWhatALiveLogInRetains() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // The first live log-ins load classes and fill caches once; measure after them.
        logIn(http, 40);
        JsonObject replayed = crm.admin().warmup("session-cache", "heap", LOGINS, CALL);
        long perReplayed = (replayed.getJsonNumber("after").longValue()
                - replayed.getJsonNumber("before").longValue()) / LOGINS;

        logIn(http, LOGINS);
        // A warm-up of no log-ins is only full GCs: the growth since the last one is what the live sessions retain.
        long afterLive = crm.admin().warmup("session-cache", "heap", 0, CALL).getJsonNumber("after").longValue();
        long perLive = (afterLive - replayed.getJsonNumber("after").longValue()) / LOGINS;

        assertTrue(perLive > 10_000, "a live session retains its pipeline: " + perLive + " bytes");
        assertTrue(Math.abs(perReplayed - perLive) < perLive * 0.1,
                "replayed " + perReplayed + " bytes per session, live " + perLive);
    }

    private void logIn(HttpClient http, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            String user = String.format(Locale.ROOT, "rep-%02d", i % 40 + 1);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    crm.uri("/api/login")).timeout(CALL)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
    }
}
