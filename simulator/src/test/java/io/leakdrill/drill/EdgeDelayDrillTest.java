package io.leakdrill.drill;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import io.leakdrill.world.Fault;
import io.leakdrill.world.edge.EdgeFaultSpec;
import io.leakdrill.world.monitor.Sample;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson of the network decoy, against the real CRM: a slow edge hurts users, not the server's own latency. */
class EdgeDelayDrillTest {

    private static final long DELAY_MS = 300;

    @TempDir
    Path dir;

    @Test
    void anEdgeDelayRaisesUserLatencyButNotTheCrmsServerSideLatency() throws Exception {
        Scenario scenario = ScenarioCatalog.in(Path.of(System.getProperty("leakdrill.scenarios")))
                .load("memory-leak-mayhem");
        try (Drill drill = Drill.start(new DrillOptions(scenario, new Scenario.Variant("quiet", "session-cache",
                "session-cache-eviction", java.util.List.of()), 7, 120, dir.resolve("drill"),
                dir.resolve("t.jsonl"), "edge", Clock.systemUTC()))) {
            // The CRM times its requests over the last 10 real seconds; at x120 that first holds its cold start
            // (the JIT, the users' first log-ins). The baseline is normal, warm traffic: wait until the window is.
            Sample before = await("a sample of normal, warm traffic").atMost(Duration.ofSeconds(30))
                    .until(() -> latestWithTraffic(drill), s -> s.isPresent() && s.get().userP50Ms() < 100
                            && s.get().crmP95Ms() < 100).get();
            assertTrue(before.crmP95Ms() < 100, "baseline " + before);

            Fault delay = drill.edge().fault(EdgeFaultSpec.latency(1.0, Duration.ofMillis(DELAY_MS), Duration.ZERO));
            delay.begin();
            Sample during = await("users feel the edge delay").atMost(Duration.ofSeconds(10))
                    .until(() -> latestWithTraffic(drill), s -> s.isPresent() && s.get().userP50Ms() >= DELAY_MS)
                    .get();
            // Well under the delay, so the delay is not in the CRM; not the baseline's bound, since one slow request
            // in the CRM's 10-second window (a GC, a database call) lifts its p95 past 100 ms now and then.
            assertTrue(during.crmP95Ms() < DELAY_MS / 2.0, "the CRM's own p95 stays low while users wait: " + during);
            assertTrue(during.userP95Ms() >= DELAY_MS && during.userP95Ms() < DELAY_MS + 300, during.toString());

            delay.end();
            await("users recover once the fault ends").atMost(Duration.ofSeconds(10))
                    .until(() -> latestWithTraffic(drill), s -> s.isPresent() && s.get().userP95Ms() < DELAY_MS);
        }
    }

    private static Optional<Sample> latestWithTraffic(Drill drill) {
        return drill.samples().latest().filter(s -> s.crmUp() && s.userRequests() > 0 && s.crmRequests() > 0);
    }
}
