package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leakdrill.scenario.DecoyKind;
import io.leakdrill.scenario.Scenario.Decoy;
import io.leakdrill.scenario.Scenario.Trigger;
import io.leakdrill.world.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoyRunnerTest {

    private final List<String> log = new ArrayList<>();

    private Fault recording(Decoy decoy) {
        return new Fault() {
            @Override
            public void begin() {
                log.add("begin " + decoy.id());
            }

            @Override
            public void end() {
                log.add("end " + decoy.id());
            }
        };
    }

    @Test
    void aDecoyActsForItsWindowOfIncidentTimeAndEndsWithTheDrill() {
        Decoy blip = new Decoy("blip", DecoyKind.EDGE_RESET, "resets", Trigger.at(Duration.ofMinutes(10)),
                Duration.ofMinutes(4), Map.of("probability", 0.1));
        Decoy surge = new Decoy("surge", DecoyKind.TRAFFIC_SURGE, "surge", Trigger.at(Duration.ofMinutes(12)),
                Duration.ofMinutes(30), Map.of("factor", 2.0));
        DecoyRunner runner = new DecoyRunner(List.of(blip, surge), this::recording);

        runner.step(Duration.ofMinutes(9), null);
        assertEquals(List.of(), log);
        runner.step(Duration.ofMinutes(10), null);
        runner.step(Duration.ofMinutes(12), null);
        assertEquals(List.of("begin blip", "begin surge"), log);
        List<DecoyRunner.Change> changes = runner.step(Duration.ofMinutes(14), null);
        assertEquals(List.of("begin blip", "begin surge", "end blip"), log);
        assertEquals(1, changes.size());
        assertEquals(List.of(surge), runner.active());
        runner.close();
        assertEquals(List.of("begin blip", "begin surge", "end blip", "end surge"), log);
    }
}
