package io.leakdrill.drill;

import io.leakdrill.scenario.Scenario.Decoy;
import io.leakdrill.world.Fault;
import io.leakdrill.world.database.CrmDatabase;
import io.leakdrill.world.edge.DropMode;
import io.leakdrill.world.edge.EdgeFaultSpec;
import io.leakdrill.world.edge.EdgeProxy;
import io.leakdrill.world.users.VirtualUsers;
import java.time.Duration;

/** Turns a scenario's decoy into the real fault it stands for, in the component where it acts. */
final class DecoyFaults {

    // Rows in the middle of the deal ids: users update them, as they would a batch job's range.
    private static final long LOCKED_FROM_DEAL = 1000;

    private DecoyFaults() {
    }

    static Fault of(Decoy decoy, VirtualUsers users, EdgeProxy edge, CrmDatabase database) {
        return switch (decoy.kind()) {
            case TRAFFIC_SURGE -> users.surge(decoy.param("factor"));
            case EDGE_DELAY -> edge.fault(EdgeFaultSpec.latency(decoy.param("probability"),
                    millis(decoy.param("delayMs")), millis(decoy.param("jitterMs"))));
            case EDGE_RESET -> edge.fault(EdgeFaultSpec.reset(decoy.param("probability")));
            case EDGE_DROP -> edge.fault(EdgeFaultSpec.drop(decoy.param("probability"), DropMode.STALL));
            case EDGE_BANDWIDTH -> edge.fault(EdgeFaultSpec.bandwidth(1.0, (long) decoy.param("bytesPerSecond")));
            case SLOW_QUERY -> database.slowReportQuery(1, millis(decoy.param("pauseMs")));
            case ROW_LOCK -> database.longTransaction(LOCKED_FROM_DEAL, (int) decoy.param("rows"));
        };
    }

    private static Duration millis(double value) {
        return Duration.ofMillis((long) value);
    }
}
