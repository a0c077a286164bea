package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.world.monitor.Condition;
import io.leakdrill.world.monitor.JvmGauges;
import io.leakdrill.world.monitor.Sample;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The watchdog's decisions on samples alone: its rule, its gap, and silence while the CRM is down or it is off. */
class AutoRestartTest {

    private static final long OLD_MAX = 100;

    /** A sample at {@code minute} whose heap floor is {@code floor} of the old generation. */
    private static Sample at(double minute, double floor, boolean up) {
        return new Sample(minute * 60, up, 0, 0, 0, OLD_MAX, (long) (floor * OLD_MAX), 0, 0, 0, 0, 0, 0, 0, 0, 100,
                5, 50, 0, 0, 0, 10, 0, JvmGauges.NONE);
    }

    private final AutoRestart watchdog = new AutoRestart(Duration.ofMinutes(5));

    @Test
    void offItNeverRestarts() {
        assertTrue(watchdog.decide(at(1, 0.99, true)).isEmpty());
        assertTrue(watchdog.rule().isEmpty());
    }

    @Test
    void onItRestartsWhenItsRuleHoldsAndSaysWhy() {
        watchdog.on(Condition.parse(AutoRestart.DEFAULT_RULE));
        assertTrue(watchdog.decide(at(1, 0.85, true)).isEmpty(), "0.85 is not over 0.9");
        var decision = watchdog.decide(at(2, 0.93, true)).orElseThrow();
        assertEquals("old_gen_after_gc_ratio > 0.9", decision.rule().toString());
        assertEquals(0.93, decision.value(), 1e-9);
    }

    @Test
    void itWaitsTheGapAfterARestartSoItCannotLoop() {
        watchdog.on(Condition.parse("old_gen_after_gc_ratio > 0.5"));
        assertTrue(watchdog.decide(at(10, 0.95, true)).isPresent());
        assertTrue(watchdog.decide(at(11, 0.95, true)).isEmpty(), "a minute after its own restart");
        assertTrue(watchdog.decide(at(14.9, 0.95, true)).isEmpty(), "still inside five minutes");
        assertTrue(watchdog.decide(at(15, 0.95, true)).isPresent(), "five minutes on, it may restart again");
    }

    @Test
    void anyRestartStartsTheGap() {
        watchdog.on(Condition.parse("old_gen_after_gc_ratio > 0.5"));
        watchdog.restarted(20 * 60);
        assertTrue(watchdog.decide(at(22, 0.95, true)).isEmpty(), "the trainee restarted two minutes ago");
        assertTrue(watchdog.decide(at(25, 0.95, true)).isPresent());
    }

    @Test
    void aSampleWithoutTheCrmNeverTriggersIt() {
        watchdog.on(Condition.parse("old_gen_after_gc_ratio < 0.5"));
        assertTrue(watchdog.decide(at(1, 0, false)).isEmpty(), "a down CRM reads as an empty heap");
        assertTrue(watchdog.decide(at(2, 0.2, true)).isPresent());
    }

    @Test
    void offAgainItStops() {
        watchdog.on(Condition.parse(AutoRestart.DEFAULT_RULE));
        watchdog.off();
        assertFalse(watchdog.decide(at(1, 0.99, true)).isPresent());
    }
}
