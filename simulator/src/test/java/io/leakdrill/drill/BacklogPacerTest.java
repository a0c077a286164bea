package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.scenario.DecoyKind;
import io.leakdrill.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A backlog's plan follows the story's load, drains in a lull, and still exhausts on time. */
class BacklogPacerTest {

    private static final double MB = 1 << 20;

    private static Scenario.Decoy surge(String at, String lasts, double factor) {
        return new Scenario.Decoy("surge-" + at, DecoyKind.TRAFFIC_SURGE, "", Scenario.Trigger.at(minutes(at)),
                minutes(lasts), Map.of("factor", factor));
    }

    private static Duration minutes(String text) {
        return Duration.ofMinutes(Long.parseLong(text));
    }

    @Test
    void theLoadProfileMultipliesTimedSurges() {
        LoadProfile load = LoadProfile.of(List.of(surge("0", "15", 2.5), surge("23", "67", 3)));
        assertEquals(2.5, load.factorAt(60));
        assertEquals(1, load.factorAt(16 * 60));
        assertEquals(3, load.factorAt(30 * 60));
        assertEquals((15 * 2.5 + 8 + 7 * 3) * 60, load.integral(30 * 60), 1e-6);
        assertEquals(600, LoadProfile.flat().integral(600), 1e-9);
    }

    @Test
    void aBacklogDrainsInTheLullAndStillReachesExhaustionOnTime() {
        LoadProfile load = LoadProfile.of(List.of(surge("0", "15", 2.5), surge("23", "67", 3)));
        double drain = 60 / 3.975 / 60;
        BacklogPacer pacer = new BacklogPacer(40 * MB, 58 * MB, 3600, 120, 65_000, drain, () -> 0, load, 300, 80);
        double beforeLull = pacer.plannedFloor(15 * 60);
        double afterLull = pacer.plannedFloor(23 * 60);
        assertTrue(afterLull < beforeLull - 2 * MB, "the plan drains " + (beforeLull - afterLull) / MB
                + " MB while traffic is low");
        assertEquals(58 * MB, pacer.plannedFloor(3600), 0.01 * MB);
        // The floor's window: five minutes into the closing rush it still reads the lull's bottom.
        assertEquals(afterLull, pacer.plannedFloor(28 * 60 - 1), 0.05 * MB);
        // Three times the habit in the rush; users just starting (2 actions a second) do not get all of it.
        pacer.offPlan();
        pacer.update(30 * 60, pacer.plannedFloor(30 * 60), 200, 64 * MB);
        double rush = pacer.habitProbability() * 200;
        pacer.update(20 * 60, pacer.plannedFloor(20 * 60), 200, 64 * MB);
        assertEquals(3, rush / (pacer.habitProbability() * 200), 1e-6);
        pacer.update(20 * 60, pacer.plannedFloor(20 * 60), 2, 64 * MB);
        assertTrue(pacer.habitProbability() < 0.5, "p " + pacer.habitProbability());
    }

    @Test
    void aBacklogAimsFromTheFirstFloorReadInTheIncident() {
        LoadProfile load = LoadProfile.of(List.of(surge("0", "15", 3), surge("23", "67", 3)));
        BacklogPacer pacer = new BacklogPacer(40 * MB, 58 * MB, 3600, 120, 65_000, 0.25, () -> 0, load, 300, 80);
        pacer.update(60, 40 * MB, 200, 64 * MB);
        double planned = pacer.plannedFloor(660);
        // The warm-up's floor came after a full GC; a working heap reads 4 MB higher once its window shows it.
        pacer.update(660, planned + 4 * MB, 200, 64 * MB);
        assertEquals(planned + 4 * MB, pacer.plannedFloor(660), 0.05 * MB);
        assertEquals(58 * MB, pacer.plannedFloor(3600), 0.01 * MB);
    }
}
