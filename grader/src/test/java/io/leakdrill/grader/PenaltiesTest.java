package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Penalties for blame without evidence, for freezing the CRM with diagnostics, and for undeclared band-aids. */
class PenaltiesTest {

    private static List<String> reasons(TranscriptBuilder drill) {
        return drill.grade().penalties().stream().map(f -> f.points() + " " + f.reason()).toList();
    }

    private static TranscriptBuilder escalate(TranscriptBuilder drill, double at, String team) {
        return drill.event(at, "escalate", Json.createObjectBuilder().add("team", team).add("text", "yours now"));
    }

    @Test
    void blamingTheDatabaseOrNetworkWithoutLookingCostsOncePerTeam() {
        TranscriptBuilder drill = new TranscriptBuilder();
        escalate(drill, 100, "database");
        escalate(drill, 200, "database");
        escalate(drill, 300, "network");
        escalate(drill, 400, "crm-dev");

        assertEquals(List.of("-5.0 blamed the database without looking at it",
                "-5.0 blamed the network without looking at it"), reasons(drill));
    }

    @Test
    void blameIsFairWhenTheTraineesOwnLookShowedTroubleThere() {
        TranscriptBuilder slow = new TranscriptBuilder().event(50, "evidence", Json.createObjectBuilder()
                .add("kind", "db-slowlog").add("id", "E1").add("statements", 2));
        assertEquals(List.of(), reasons(escalate(slow, 100, "database")));

        TranscriptBuilder clean = new TranscriptBuilder().event(50, "evidence", Json.createObjectBuilder()
                .add("kind", "net-stats").add("id", "E1").add("recentResets", 0).add("recentDrops", 0));
        assertEquals(List.of("-5.0 blamed the network though your own look (net-stats) showed nothing wrong there"),
                reasons(escalate(clean, 100, "network")));

        TranscriptBuilder ruledOut = new TranscriptBuilder().event(50, "rule-out", Json.createObjectBuilder()
                .add("suspect", "database").add("reason", "pool idle"));
        assertEquals(List.of("-5.0 blamed the database after ruling it out yourself"),
                reasons(escalate(ruledOut, 100, "database")));
    }

    @Test
    void fiveDiagnosticsThatPauseTheCrmWithinFiveMinutesCost() {
        TranscriptBuilder drill = new TranscriptBuilder().evidence(100, "histogram").evidence(130, "threads")
                .evidence(160, "histogram-diff").evidence(200, "roots").evidence(250, "histogram");
        assertEquals(List.of(), reasons(drill), "four pauses and a diff, which pauses nothing");

        List<String> burst = reasons(drill.evidence(380, "heap-dump"));
        assertEquals(1, burst.size());
        assertTrue(burst.get(0).startsWith("-3.0 5 diagnostics that pause the CRM within 5 minutes"), burst.get(0));
        // Spread out, the same looks are an investigation.
        assertEquals(List.of(), reasons(new TranscriptBuilder().evidence(100, "histogram").evidence(300, "roots")
                .evidence(500, "histogram").evidence(700, "threads").evidence(900, "heap-dump")));
    }
}
