package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal's coloured scorecard: the same text as the plain one, coloured only where colour is allowed. */
class ScorecardColoursTest {

    private static final String CARD = """
            Leak Drill scorecard - Memory Leak Mayhem (memory-leak-mayhem), seed 42, trainee alice
            Score 31 / 100  (developing)

              triage         10.0 / 10   +5.0 acknowledged A1 1.0 min after it fired (target 5 min)
              evidence        0.0 / 20   +0.0 never looked at the GC trend (gc)

            Penalties  -5.0 (capped at 20)
               -5.0  restarted blind, evidence lost   [#36 16:01:40]

            Times               actual                  target
              to acknowledge    1.0 min at 15:48:00     5 min by 15:52:00       on target
              to mitigate       80.0 min at 17:07:00    45 min by 16:32:00      late
            """;

    @Test
    void colourChangesHowItLooksNeverWhatItSays() {
        String painted = ScorecardColours.paint(CARD, new Style(true, false));

        assertEquals(CARD, Style.plain(painted));
        assertTrue(painted.contains(new Style(true, false).good("10.0 / 10")), painted);
        assertTrue(painted.contains(new Style(true, false).bad("0.0 / 20")), painted);
        assertTrue(painted.contains(new Style(true, false).bad("-5.0")), painted);
        assertTrue(painted.contains(new Style(true, false).warn("late")), painted);
    }

    @Test
    void noColourWhereItIsNotAllowed() {
        assertEquals(CARD, ScorecardColours.paint(CARD, Style.PLAIN));
        assertEquals(Style.PLAIN, Style.ofConsole(true, Map.of("TERM", "xterm", "NO_COLOR", "1")));
        assertEquals(Style.PLAIN, Style.ofConsole(false, Map.of("TERM", "xterm")));
        assertTrue(Style.ofConsole(true, Map.of("TERM", "xterm-256color")).colour());
    }
}
