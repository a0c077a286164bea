package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IncidentClockTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void incidentTimeRunsSpeedTimesFasterFromTheScenarioStart() {
        ManualClock real = new ManualClock();
        IncidentClock clock = new IncidentClock(real, OffsetDateTime.parse("2021-08-12T15:45:00-05:00"), 6);
        assertEquals("15:45", clock.clockText());
        clock.start();
        real.advance(Duration.ofSeconds(150));
        assertEquals(Duration.ofMinutes(15), clock.elapsed());
        assertEquals("16:00", clock.clockText());
        assertEquals(Duration.ofSeconds(50), clock.realFor(Duration.ofMinutes(5)));
    }
}
