package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.scenario.Scenario.Trigger;
import io.leakdrill.world.monitor.Condition;
import io.leakdrill.world.monitor.JvmGauges;
import io.leakdrill.world.monitor.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static Sample p95At(double atSeconds, double p95) {
        return new Sample(atSeconds, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 5, p95, 0, 0, 0, 10, 0, JvmGauges.NONE);
    }

    private final Map<String, Trigger> triggers = Map.of(
            "ticket", Trigger.at(Duration.ofMinutes(5)),
            "page", Trigger.when(Condition.parse("user_p95_ms > 500"), Duration.ofMinutes(2)));
    private final Schedule<String> schedule = new Schedule<>(List.of("page", "ticket"), triggers::get);

    @Test
    void aTimedEventComesDueAtItsIncidentTimeOnce() {
        assertEquals(List.of(), schedule.due(Duration.ofMinutes(4), p95At(240, 10)));
        assertEquals(List.of("ticket"), schedule.due(Duration.ofMinutes(5), p95At(300, 10)));
        assertEquals(List.of(), schedule.due(Duration.ofMinutes(6), p95At(360, 10)));
    }

    @Test
    void aConditionalEventWaitsUntilItsConditionHeldForItsDuration() {
        assertEquals(List.of(), schedule.due(Duration.ofSeconds(60), p95At(60, 900)));
        assertEquals(List.of(), schedule.due(Duration.ofSeconds(120), p95At(120, 100)), "a dip restarts the hold");
        assertEquals(List.of(), schedule.due(Duration.ofSeconds(135), p95At(135, 900)));
        assertEquals(List.of(), schedule.due(Duration.ofSeconds(240), p95At(240, 900)));
        assertEquals(List.of("page"), schedule.due(Duration.ofSeconds(255), p95At(255, 900)));
        assertTrue(schedule.due(Duration.ofSeconds(600), p95At(600, 900)).stream().noneMatch("page"::equals));
    }
}
