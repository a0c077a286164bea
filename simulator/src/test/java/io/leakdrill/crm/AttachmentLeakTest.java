package io.leakdrill.crm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attachment store's off-heap leak against a real CRM JVM under real uploads: direct buffer memory and the staged
 * uploads grow while the heap barely moves and the neighbours hold steady, and the pooled fix stops the growth.
 */
class AttachmentLeakTest {

    private static final Duration CALL = Duration.ofSeconds(10);
    private static final String STAGED = "io.leakdrill.crm.attachment.StagedUpload";
    private static final long MB = 1024 * 1024;
    private static final int USERS = 8;

    @TempDir
    Path dir;

    private CrmUnderTest crm;
    private VirtualUsers users;

    @BeforeEach
    void start() throws Exception {
        crm = CrmUnderTest.start(5, login -> new CrmLaunch(dir, 64, "g1", List.of("-XX:MaxDirectMemorySize=96m"),
                false, 5, 120, Map.of("attachment-store", "original"), "test-token", login));
        users = new VirtualUsers(USERS, 20, Duration.ofSeconds(2), new RequestMix(Map.of("search", 5, "open-customer", 4,
                "update-deal", 1)), crm::port, VirtualUsers.Habit.ATTACH_FILE, () -> 0.15, new TrafficLog(50_000), 5);
        users.start();
    }

    @AfterEach
    void stop() {
        users.close();
        crm.close();
    }

    private long directUsed() throws Exception {
        return crm.admin().metrics(CALL).getJsonObject("jvm").getJsonObject("direct").getJsonNumber("used")
                .longValue();
    }

    /** Live instances of every class, after the full GC the histogram forces (which also frees unreachable buffers). */
    private Map<String, Long> histogram() throws Exception {
        Map<String, Long> instances = new HashMap<>();
        for (JsonValue row : crm.admin().histogram(5000, CALL).getJsonArray("rows")) {
            JsonObject r = row.asJsonObject();
            instances.put(r.getString("class"), r.getJsonNumber("instances").longValue());
        }
        return instances;
    }

    private static long count(Map<String, Long> histogram, String className) {
        return histogram.getOrDefault(className, 0L);
    }

    @Test
    void uploadsPileUpOffHeapAndThePooledStagingStopsIt() throws Exception {
        await("every user has logged in").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> count(histogram(), "io.leakdrill.crm.session.UserSession") == USERS);
        Map<String, Long> before = histogram();
        long directBefore = directUsed();
        long growing = System.nanoTime();
        // The reading that crossed the mark, not a later one: scans' 3 MB work areas come and go with GCs.
        AtomicLong reading = new AtomicLong();
        await("direct buffer memory grows by 16 MB under uploads").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    reading.set(directUsed());
                    return reading.get() > directBefore + 16 * MB;
                });
        Duration growth = Duration.ofNanos(System.nanoTime() - growing);
        long directGrown = reading.get();

        Map<String, Long> grown = histogram();
        long leaked = count(grown, STAGED) - count(before, STAGED);
        assertTrue(leaked > 150, "staged uploads stay on the heap, one per upload: " + leaked);
        // Give or take the buffers of uploads in flight when each histogram was taken.
        long buffers = count(grown, "java.nio.DirectByteBuffer") - count(before, "java.nio.DirectByteBuffer");
        assertTrue(buffers >= leaked - 5, "each holds a direct buffer: " + buffers + " more buffers, " + leaked
                + " more staged uploads");
        // Neighbours: the activity feed keeps a fixed number of attachments, the users keep their sessions.
        assertTrue(count(grown, "io.leakdrill.crm.attachment.AttachmentInfo") <= 300,
                "the activity feed stays bounded");
        assertEquals(count(before, "io.leakdrill.crm.session.UserSession"),
                count(grown, "io.leakdrill.crm.session.UserSession"), "sessions hold steady");

        crm.admin().deploy("attachment-store", "pooled", CALL);
        // The histogram's full GC frees what the old staging let go; from there on, only the pool's buffers remain.
        Map<String, Long> fixed = histogram();
        assertTrue(count(fixed, STAGED) < 20, "only in-flight uploads stay staged: " + count(fixed, STAGED));
        long settled = directUsed();
        assertTrue(settled < directGrown - 12 * MB, "the old staging's buffers are freed: " + settled / MB + " MB");
        // As long again as the leak took to add 16 MB: the pool keeps a few buffers per size and a scan's work area
        // comes and goes, so the level may move by some MB, never by the leak's 16.
        Duration watch = growth.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : growth;
        AtomicLong highest = new AtomicLong(settled);
        long deadline = System.nanoTime() + watch.toNanos();
        await("uploads after the fix").atMost(watch.plusSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    highest.accumulateAndGet(directUsed(), Math::max);
                    return System.nanoTime() > deadline;
                });
        assertTrue(highest.get() < settled + 8 * MB,
                "direct memory flat after the fix: rose " + (highest.get() - settled) / MB + " MB in " + watch);
        assertTrue(count(histogram(), STAGED) < 20, "uploads keep flowing without piling up");
    }
}
