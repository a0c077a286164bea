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
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lapsed-listener leak against a real CRM JVM: a deal room gets deal changes through the audit trail, rooms that
 * users leave stay subscribed and pile up while the trail's long-lived subscribers and the sessions stay put, and the
 * unsubscribing version lets them go.
 */
class DealWatchersLeakTest {

    private static final double SPEED = 120;
    private static final Duration CALL = Duration.ofSeconds(10);
    private static final String CARD = "io.leakdrill.crm.live.DealCard";
    private static final String ROOM = "io.leakdrill.crm.live.DealRoomWatcher";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private CrmUnderTest crm;
    private VirtualUsers users;

    @BeforeEach
    void start() throws Exception {
        crm = CrmUnderTest.start(5, login -> new CrmLaunch(dir, 96, "g1", List.of(), false, 5, SPEED,
                Map.of("deal-watchers", "original", "session-cache", "evicting"), "test-token", login));
        users = new VirtualUsers(10, 20, Duration.ofSeconds(2), new RequestMix(Map.of("search", 3,
                "open-customer", 3, "update-deal", 4)), crm::port, VirtualUsers.Habit.OPEN_DEAL_ROOM, () -> 0.2,
                new TrafficLog(50_000), 5);
    }

    @AfterEach
    void stop() {
        users.close();
        crm.close();
    }

    @Test
    void roomsFollowDealChangesPileUpUntilTheFixUnsubscribesThem() throws Exception {
        String session = logIn("rep-01");
        JsonObject room = get("/api/deal-room", session, 200);
        JsonObject card = room.getJsonArray("cards").getJsonObject(0);
        String newStage = card.getString("stage").equals("proposal") ? "negotiation" : "proposal";
        send("PUT", "/api/deals/" + card.getJsonNumber("id").longValue(), session,
                "{\"stage\":\"" + newStage + "\",\"amountCents\":4242400}", 200);
        JsonObject polled = get("/api/deal-room/" + room.getString("room"), session, 200);
        JsonObject moved = polled.getJsonArray("cards").getJsonObject(0);
        assertEquals(newStage, moved.getString("stage"), "the room got the change through the audit trail");
        assertEquals("$42,424", moved.getString("amount"));
        assertEquals(1, polled.getInt("moves"));

        users.start();
        await("every user logged in").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> instances("io.leakdrill.crm.session.UserSession") >= 11);
        neighboursStayPut();
        long cardsBefore = instances(CARD);
        long floorBefore = floor();
        await("rooms nobody looks at pile up in the heap").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> instances(CARD) > cardsBefore + 10_000 && floor() > floorBefore + 3_000_000);
        neighboursStayPut();

        crm.admin().deploy("deal-watchers", "unsubscribing", CALL);
        // The room opened first is gone from the trail (the first session may have expired by now: log in again).
        get("/api/deal-room/" + room.getString("room"), logIn("rep-03"), 410);
        // The floor is the lowest reading over five incident minutes (2.5 s here): let the drop settle first.
        pass(Duration.ofSeconds(3));
        long settled = floor();
        AtomicLong highest = new AtomicLong(settled);
        AtomicLong mostCards = new AtomicLong();
        AtomicLong mostRooms = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        await("sixteen incident minutes of traffic after the fix").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    highest.accumulateAndGet(floor(), Math::max);
                    Map<String, Long> live = histogram();
                    mostCards.accumulateAndGet(live.getOrDefault(CARD, 0L), Math::max);
                    mostRooms.accumulateAndGet(live.getOrDefault(ROOM, 0L), Math::max);
                    return System.nanoTime() > deadline;
                });
        // The leak opened dozens of rooms a second for good. The fix keeps one per session that opened a room
        // within the idle time (5 s here): the users' sessions, and those a slow moment made them log in afresh.
        assertTrue(mostRooms.get() < 100, "a room per recent session: " + mostRooms.get() + " rooms");
        assertTrue(mostCards.get() < 100 * 300, "and their cards only: " + mostCards.get() + " cards");
        assertTrue(highest.get() < settled + 2_000_000,
                "floor flat after the fix: rose " + (highest.get() - settled) + " bytes");
        neighboursStayPut();

        // With the fix, opening the room again ends the session's previous one.
        String fresh = logIn("rep-02");
        String first = get("/api/deal-room", fresh, 200).getString("room");
        get("/api/deal-room/" + first, fresh, 200);
        get("/api/deal-room", fresh, 200);
        get("/api/deal-room/" + first, fresh, 410);
    }

    // The trail's long-lived subscribers, the sessions and the recent-moves feed, while the rooms pile up.
    private void neighboursStayPut() throws Exception {
        Map<String, Long> live = histogram();
        assertEquals(1, live.get("io.leakdrill.crm.audit.DealChangeCounter"), "one change counter");
        assertEquals(1, live.get("io.leakdrill.crm.audit.RecentDealChanges"), "one recent-moves feed");
        long sessions = live.getOrDefault("io.leakdrill.crm.session.UserSession", 0L);
        assertTrue(sessions <= 11, "a session per user: " + sessions);
        // The feed holds its last 50 changes; a few more may be in flight.
        long changes = live.getOrDefault("io.leakdrill.crm.audit.DealChanged", 0L);
        assertTrue(changes <= 60, "the recent-moves feed stays bounded: " + changes + " changes");
    }

    private long floor() throws Exception {
        return crm.admin().metrics(CALL).getJsonObject("old").getJsonNumber("floor").longValue();
    }

    private long instances(String className) throws Exception {
        return histogram().getOrDefault(className, 0L);
    }

    // Every class, however small: the trail's own subscribers are one instance each. Forces a full GC.
    private Map<String, Long> histogram() throws Exception {
        Map<String, Long> instances = new HashMap<>();
        for (JsonValue row : crm.admin().histogram(10_000, CALL).getJsonArray("rows")) {
            JsonObject r = row.asJsonObject();
            instances.put(r.getString("class"), r.getJsonNumber("instances").longValue());
        }
        return instances;
    }

    private String logIn(String user) throws Exception {
        return send("POST", "/api/login", null, "{\"user\":\"" + user + "\"}", 200).getString("session");
    }

    private JsonObject get(String path, String session, int status) throws Exception {
        return send("GET", path, session, null, status);
    }

    private JsonObject send(String method, String path, String session, String body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + crm.port() + path))
                .timeout(CALL).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("X-Session", session);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void pass(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        await("time passes").atMost(time.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> System.nanoTime() > until);
    }
}
