package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsSecondsMinutesHoursAndCombinations() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofMinutes(5), DurationText.parse("5m"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
        assertEquals(Duration.ofSeconds(3725), DurationText.parse("1h2m5s"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("1.5m"));
    }

    @Test
    void rejectsTextThatIsNotADuration() {
        for (String text : new String[] {"", "5", "m", "5 min", "-5m", "5m30", "soon"}) {
            assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text), text);
        }
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse(null));
    }
}
