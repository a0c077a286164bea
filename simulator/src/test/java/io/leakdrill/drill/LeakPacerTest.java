package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The pacer plans the leak from the floor traffic really leaves, then steers toward the plan: faster when behind,
 * slower when ahead, never to a standstill.
 */
class LeakPacerTest {

    private static final double MAX = 64_000_000;
    private static final double ACTIONS = 100;
    // From 70% to 90% of 64 MB in 70 incident minutes, at x60, 10 KB per habit, 100 actions a real second.
    private final LeakPacer pacer = new LeakPacer(0.7 * MAX, 0.9 * MAX, 70 * 60, 60, 10_000);

    private double at(double minutes, double floorRatio) {
        pacer.update(minutes * 60, floorRatio * MAX, ACTIONS, MAX);
        return pacer.habitProbability();
    }

    /** The habit probability that carries {@code ratio} of the heap per incident minute. */
    private static double carrying(double ratioPerMinute) {
        return ratioPerMinute * MAX / 60 * 60 / 10_000 / ACTIONS;
    }

    @Test
    void untilTrafficSettlesTheLeakRunsAtThePlannedPace() {
        double planned = carrying(0.2 / 70);
        assertEquals(planned, at(1, 0.7), planned * 1e-9);
        assertEquals(planned, at(8, 0.76), planned * 1e-9, "no steering on a floor that has not settled");
    }

    @Test
    void theSettledFloorStartsAPlanThatEndsAtTheTarget() {
        // Users' connections lifted the floor to 80%: the last 10% must now take the remaining 60 minutes.
        double replanned = carrying(0.1 / 60);
        assertEquals(replanned, at(10, 0.8), replanned * 1e-9);
        assertEquals(replanned, at(20, 0.8 + 0.1 * 10 / 60), replanned * 1e-9, "on the new plan, no correction");
    }

    @Test
    void aheadOfPlanTheLeakSlowsButKeepsGrowing() {
        double onPlan = at(10, 0.75);
        double farAhead = at(30, 0.89);
        assertTrue(farAhead > 0, "the leak never stops");
        assertEquals(onPlan * 0.75, farAhead, onPlan * 1e-9);
    }

    @Test
    void behindPlanItCatchesUpAtMostFourTimesFaster() {
        double onPlan = at(10, 0.75);
        assertEquals(onPlan * 4, at(30, 0.5), onPlan * 1e-9);
        // 1% of the limit behind plan doubles the pace.
        assertEquals(onPlan * 2, at(40, 0.75 + 0.15 * 30 / 60 - 0.01), onPlan * 1e-9);
    }

    @Test
    void afterARestartItKeepsThePaceWithoutSteering() {
        double onPlan = at(10, 0.75);
        pacer.offPlan();
        assertEquals(onPlan, at(30, 0.05), onPlan * 1e-9);
    }
}
