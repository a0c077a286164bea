package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mitigation's three parts: the time to recovery, a method that keeps the forensics, and a look that confirms it. */
class MitigationRuleTest {

    private static final double EPSILON = 1e-9;

    /** Users hurt from 300 s until a restart at 1000 s; the first alert at 120 s, so recovery well within 45 min. */
    private static TranscriptBuilder restartedAt1000() {
        return new TranscriptBuilder().alert(120, "A1", "firing").restart(1000, "trainee")
                .samples(30, 2000, 30, at -> at < 300 ? 0.02 : at < 1000 ? 0.35 : 0.02, at -> 100e6);
    }

    private static List<Finding> findings(TranscriptBuilder drill) {
        return drill.grade().categories().stream().filter(c -> c.name().equals("mitigation")).findFirst()
                .orElseThrow().findings();
    }

    @Test
    void forensicsBeforeTheRestartAndALookAfterwardsEarnTheMethodAndTheConfirmation() {
        List<Finding> blind = findings(restartedAt1000());
        assertEquals(List.of(20 * 0.6, 0.0, 0.0), blind.stream().map(Finding::points).toList());

        List<Finding> careful = findings(restartedAt1000().evidence(900, "heap-dump").evidence(1100, "users"));
        assertEquals(List.of(20 * 0.6, 20 * 0.2, 20 * 0.2), careful.stream().map(Finding::points).toList());
        assertTrue(careful.get(1).reason().contains("heap-dump"), careful.get(1).reason());
    }

    @Test
    void aBandAidsRecoveryEarnsHalfWhenDeclaredTemporaryAndNothingOtherwise() {
        TranscriptBuilder bigger = restartedAt1000().event(990, "config", Json.createObjectBuilder()
                .add("key", "heap-mb").add("value", "512").add("previous", "256").add("bandAid", true));
        assertEquals(0, findings(bigger).get(0).points(), EPSILON);
        assertTrue(bandAidPenalised(bigger));

        TranscriptBuilder declared = bigger.update(995, "Raising the heap as a temporary mitigation while we find "
                + "the leak. Next update in 15 minutes.");
        assertEquals(20 * 0.6 / 2, findings(declared).get(0).points(), EPSILON);
        assertTrue(findings(declared).get(0).reason().contains("declared as a temporary mitigation"));
        assertTrue(!bandAidPenalised(declared), "declared, it is a mitigation, not a misleading fix");
    }

    private static boolean bandAidPenalised(TranscriptBuilder drill) {
        return drill.grade().penalties().stream().anyMatch(p -> p.reason().contains("band-aid"));
    }

    @Test
    void usersHurtOnlyAfterTheFixWentInAreNotTheLeaksDoing() {
        // The fix at 600 s, before any harm; a decoy's rush hurts users from 1500 s to the end.
        TranscriptBuilder drill = new TranscriptBuilder().diff(100, TranscriptBuilder.LEAK_CLASS)
                .deploy(600, "session-cache-eviction", "code").evidence(900, "status")
                .samples(30, 1800, 30, at -> at < 1500 ? 0.02 : 0.4, at -> 100e6);

        List<Finding> lines = findings(drill);
        assertEquals(20, lines.stream().mapToDouble(Finding::points).sum(), EPSILON);
        assertTrue(lines.get(0).reason().contains("session-cache-eviction kept it so"), lines.get(0).reason());
    }
}
