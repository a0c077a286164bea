package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pacer steers the leak toward its plan: faster when behind, slower when ahead, never to a standstill. */
class LeakPacerTest {

    private static final double MAX = 64_000_000;
    // From 70% to 90% of 64 MB in 70 incident minutes, at x60, 10 KB per habit, 100 actions a real second.
    private final LeakPacer pacer = new LeakPacer(0.7 * MAX, 0.9 * MAX, 70 * 60, 60, 10_000);

    // The floor the CRM reports trails by about five incident minutes; on plan, it reads the plan of five minutes ago.
    private static double onPlanAt(double minutes) {
        return 0.7 + 0.2 * (minutes - 5) / 70;
    }

    private double at(double minutes, double floorRatio) {
        pacer.update(minutes * 60, floorRatio * MAX, 100, MAX);
        return pacer.habitProbability();
    }

    @Test
    void onPlanTheHabitCarriesThePlannedBytes() {
        double planned = 0.2 * MAX / (70 * 60) * 60 / 10_000 / 100;
        assertEquals(planned, at(10, onPlanAt(10)), planned * 1e-9);
    }

    @Test
    void aheadOfPlanTheLeakSlowsButKeepsGrowing() {
        double onPlan = at(10, onPlanAt(10));
        double farAhead = at(10, 0.85);
        assertTrue(farAhead > 0, "the leak never stops");
        assertEquals(onPlan / 2, farAhead, onPlan * 1e-9);
    }

    @Test
    void behindPlanItCatchesUpAtMostFourTimesFaster() {
        double onPlan = at(10, onPlanAt(10));
        assertEquals(onPlan * 4, at(10, 0.5), onPlan * 1e-9);
    }

    @Test
    void afterARestartItKeepsThePaceWithoutSteering() {
        double onPlan = at(10, onPlanAt(10));
        pacer.offPlan();
        assertEquals(onPlan, at(20, 0.05), onPlan * 1e-9);
    }
}
