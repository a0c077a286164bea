package io.leakdrill.world.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.scenario.Scenario.AlertRule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEngineTest {

    private static Sample p95At(double atSeconds, double p95) {
        return new Sample(atSeconds, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 5, p95, 0, 0, 0, 10, 0, JvmGauges.NONE);
    }

    private final AlertEngine engine = new AlertEngine(List.of(new AlertRule("latency",
            Condition.parse("user_p95_ms > 500"), Duration.ofMinutes(2), "SEV2", "slow")));

    @Test
    void firesOnlyAfterTheConditionHeldForItsDuration() {
        assertTrue(engine.evaluate(p95At(0, 900)).isEmpty());
        assertTrue(engine.evaluate(p95At(60, 900)).isEmpty());
        List<AlertEngine.Transition> fired = engine.evaluate(p95At(120, 900));
        assertEquals(1, fired.size());
        assertTrue(fired.get(0).fired());
        assertEquals("A1", fired.get(0).alert().id());
        assertTrue(engine.evaluate(p95At(180, 900)).isEmpty(), "a firing alert does not fire again");
    }

    @Test
    void aDipRestartsTheHoldTime() {
        engine.evaluate(p95At(0, 900));
        engine.evaluate(p95At(90, 100));
        assertTrue(engine.evaluate(p95At(150, 900)).isEmpty());
        assertTrue(engine.evaluate(p95At(240, 900)).isEmpty());
        assertEquals(1, engine.evaluate(p95At(270, 900)).size());
    }

    @Test
    void resolvesOnTheFirstSampleWhereTheConditionNoLongerHolds() {
        engine.evaluate(p95At(0, 900));
        engine.evaluate(p95At(120, 900));
        List<AlertEngine.Transition> resolved = engine.evaluate(p95At(135, 200));
        assertEquals(1, resolved.size());
        assertFalse(resolved.get(0).fired());
        assertFalse(engine.all().get(0).firing());
        assertTrue(engine.firing().isEmpty());
    }
}
