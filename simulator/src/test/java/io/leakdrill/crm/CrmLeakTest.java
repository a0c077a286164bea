package io.leakdrill.crm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.CrmUnderTest;
import io.leakdrill.world.crm.CrmLaunch;
import io.leakdrill.world.users.RequestMix;
import io.leakdrill.world.users.TrafficLog;
import io.leakdrill.world.users.VirtualUsers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed leak against a real CRM JVM under real HTTP traffic: it grows, restarts relieve it, the fix stops it. */
class CrmLeakTest {

    private static final double SPEED = 120;
    private static final Duration CALL = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private CrmUnderTest crm;
    private VirtualUsers users;
    private volatile double newSessionChance = 0.3;

    @BeforeEach
    void start() throws Exception {
        crm = CrmUnderTest.start(3, login -> new CrmLaunch(dir, 64, "g1", List.of(), false, 3, SPEED, Map.of(),
                "test-token", login));
        users = new VirtualUsers(10, 20, Duration.ofSeconds(2), new RequestMix(Map.of("search", 5,
                "open-customer", 4, "update-deal", 1)), crm::port, VirtualUsers.Habit.NEW_VISIT, () -> newSessionChance, new TrafficLog(50_000), 3);
        users.start();
    }

    @AfterEach
    void stop() {
        users.close();
        crm.close();
    }

    private long floor() throws Exception {
        return crm.admin().metrics(CALL).getJsonObject("old").getJsonNumber("floor").longValue();
    }

    private long histogramInstances(String className) throws Exception {
        for (JsonValue row : crm.admin().histogram(200, CALL).getJsonArray("rows")) {
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
    void theFloorRisesUnderTrafficRestartRelievesItAndTheFixStopsIt() throws Exception {
        String leaking = "io.leakdrill.crm.session.UserSession";
        long sessionsBefore = histogramInstances(leaking);
        long start = floor();
        await("heap floor rises by 8 MB with the leak on").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> floor() > start + 8_000_000);
        assertTrue(histogramInstances(leaking) > sessionsBefore + 300,
                "the leaking class climbs in the class histogram");

        long beforeRestart = floor();
        crm.crm().restart();
        assertTrue(floor() < beforeRestart - 6_000_000, "a fresh process starts from a low floor");
        long afterRestart = floor();
        await("the floor climbs again after the restart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> floor() > afterRestart + 6_000_000);

        String running = crm.admin().deploy("session-cache", "evicting", CALL).getString("implementation");
        // The trainee reads the fix's idle limit in incident time, as the patch's title gives it, not in real time.
        assertTrue(running.contains("idle 10 incident min"), running);
        // The floor is the lowest reading over five incident minutes (2.5 s here); let the full GC the fix's
        // histogram forces fall out of that window, then the floor must stay flat while users keep logging in.
        long sessionsAtFix = histogramInstances(leaking);
        pass(Duration.ofSeconds(3));
        long settled = floor();
        AtomicLong highest = new AtomicLong(settled);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        await("ten seconds (20 incident minutes) of traffic after the fix").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    highest.accumulateAndGet(floor(), Math::max);
                    return System.nanoTime() > deadline;
                });
        // With the leak on, these users add well over 10 MB in ten seconds.
        assertTrue(highest.get() < settled + 4_000_000,
                "floor flat after the fix: rose " + (highest.get() - settled) + " bytes");
        assertTrue(histogramInstances(leaking) <= Math.max(150, sessionsAtFix),
                "the fixed cache holds at most its cap of sessions");
    }
}
