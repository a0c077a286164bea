package io.leakdrill.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.CrmUnderTest;
import io.leakdrill.world.crm.CrmLaunch;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
 * The drill grows the deal-watchers leak by replaying deal rooms opened in past weeks from one read of every
 * pipeline; each replayed room must retain what a room opened live over HTTP retains, or the leak's pace would not
 * match its plan.
 */
class ReplayedDealRoomTest {

    private static final Duration CALL = Duration.ofSeconds(30);
    private static final int ROOMS = 300;

    @TempDir
    Path dir;

    private CrmUnderTest crm;

    @BeforeEach
    void start() throws Exception {
        crm = CrmUnderTest.start(11, login -> new CrmLaunch(dir, 128, "g1", List.of(), false, 11, 60,
                Map.of("deal-watchers", "original", "session-cache", "evicting"), "test-token", login));
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @Test
    void aReplayedRoomRetainsWhatALiveRoomRetains() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> sessions = new java.util.HashMap<>();
        for (int rep = 1; rep <= 40; rep++) {
            String user = String.format(Locale.ROOT, "rep-%02d", rep);
            sessions.put(user, call(http, "POST", "/api/login", null, "{\"user\":\"" + user + "\"}")
                    .getString("session"));
        }
        // The first live rooms load classes and fill caches once; measure after them.
        openRooms(http, sessions, 40);
        JsonObject replayed = crm.admin().warmup("deal-watchers", "heap", ROOMS, CALL);
        long perReplayed = (replayed.getJsonNumber("after").longValue()
                - replayed.getJsonNumber("before").longValue()) / ROOMS;

        openRooms(http, sessions, ROOMS);
        // A warm-up of no rooms is only full GCs: the growth since the last one is what the live rooms retain.
        long afterLive = crm.admin().warmup("deal-watchers", "heap", 0, CALL).getJsonNumber("after").longValue();
        long perLive = (afterLive - replayed.getJsonNumber("after").longValue()) / ROOMS;

        assertTrue(perLive > 15_000, "a live room retains its cards: " + perLive + " bytes");
        assertTrue(Math.abs(perReplayed - perLive) < perLive * 0.1,
                "replayed " + perReplayed + " bytes per room, live " + perLive);
    }

    private void openRooms(HttpClient http, Map<String, String> sessions, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            String user = String.format(Locale.ROOT, "rep-%02d", i % 40 + 1);
            call(http, "GET", "/api/deal-room", sessions.get(user), null);
        }
    }

    private JsonObject call(HttpClient http, String method, String path, String session, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(crm.uri(path))
                .timeout(CALL).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("X-Session", session);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
