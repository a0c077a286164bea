package io.leakdrill.crm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.testing.CrmUnderTest;
import io.leakdrill.world.crm.CrmLaunch;
import io.leakdrill.world.mail.MailRelay;
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

/**
 * The mail outbox against a real CRM JVM, a real relay and real HTTP traffic: its backlog grows while notifications
 * outpace the relay, shrinks when they stop (a queue, not a leak), and the bounded outbox keeps the floor flat.
 */
class MailBacklogTest {

    private static final double SPEED = 120;
    private static final Duration CALL = Duration.ofSeconds(10);
    private static final String MESSAGE = "io.leakdrill.crm.mail.MailMessage";
    private static final String NEIGHBOUR = "io.leakdrill.crm.session.DealSummary";

    @TempDir
    Path dir;

    private MailRelay relay;
    private CrmUnderTest crm;
    private VirtualUsers users;
    private volatile double noticeChance;

    @BeforeEach
    void start() throws Exception {
        relay = MailRelay.start(SPEED);
        crm = CrmUnderTest.start(5, login -> new CrmLaunch(dir, 64, "g1", List.of(), false, 5, SPEED,
                Map.of("mail-outbox", "original", "session-cache", "evicting", "report-cache", "expiring"),
                "test-token", login, relay.port()));
        users = new VirtualUsers(10, 20, Duration.ofSeconds(2), new RequestMix(Map.of("search", 5,
                "open-customer", 4, "update-deal", 1)), crm::port, VirtualUsers.Habit.TEAM_NOTICE,
                () -> noticeChance, new TrafficLog(50_000), 5);
    }

    @AfterEach
    void stop() {
        users.close();
        crm.close();
        relay.close();
    }

    private long floor() throws Exception {
        return crm.admin().metrics(CALL).getJsonObject("old").getJsonNumber("floor").longValue();
    }

    private long instances(String className) throws Exception {
        for (JsonValue row : crm.admin().histogram(200, CALL).getJsonArray("rows")) {
            JsonObject r = row.asJsonObject();
            if (r.getString("class").equals(className)) {
                return r.getJsonNumber("instances").longValue();
            }
        }
        return 0;
    }

    @Test
    void theBacklogGrowsUnderLoadDrainsInALullAndTheBoundedOutboxHoldsTheFloor() throws Exception {
        // The baseline is taken once the users are logged in but before they send notices. A notice is five
        // e-mails of about 32 KB: at a higher rate they fill the 64 MB heap before the histograms can look.
        users.start();
        await("users logged in").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> instances(NEIGHBOUR) > 0);
        long start = floor();
        long sessions = instances(NEIGHBOUR);
        noticeChance = 0.1;
        await("heap floor rises by 8 MB while notices outpace the relay").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> floor() > start + 8_000_000);
        long queued = instances(MESSAGE);
        assertTrue(queued > 200, "rendered messages wait in the heap: " + queued);
        long delivered = relay.accepted();
        assertTrue(delivered > 0, "the one sender keeps delivering meanwhile");

        // A lull: nobody asks for reviews. A leak would keep what it has; the queue works itself off.
        noticeChance = 0;
        await("the backlog shrinks once notices stop").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> instances(MESSAGE) < queued / 2);
        assertTrue(relay.accepted() > delivered + queued / 2, "what left the heap went to the relay");
        long neighbours = instances(NEIGHBOUR);
        assertTrue(Math.abs(neighbours - sessions) <= 250,
                "the session cache's dashboards stay put: " + sessions + " then " + neighbours);

        noticeChance = 0.1;
        crm.admin().deploy("mail-outbox", "bounded", CALL);
        // The floor is the lowest reading over five incident minutes (2.5 s here): let the histograms' full GCs
        // fall out of that window, then the floor must stay flat while notices keep coming.
        await("time passes").pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        long settled = floor();
        AtomicLong highest = new AtomicLong(settled);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        await("ten seconds (20 incident minutes) of notices after the fix").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    highest.accumulateAndGet(floor(), Math::max);
                    return System.nanoTime() > deadline;
                });
        // With the original outbox these users add about 8 MB in a few seconds.
        assertTrue(highest.get() < settled + 3_000_000,
                "floor flat after the fix: rose " + (highest.get() - settled) + " bytes");
        // The fixed outbox adopted what the old one still held; once that has gone out, it holds at most its queue
        // and one message per sender.
        await("the bounded outbox holds at most its queue and one per sender").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> instances(MESSAGE) <= 24 + 10);
    }
}
