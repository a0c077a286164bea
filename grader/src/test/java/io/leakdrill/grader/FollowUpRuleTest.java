package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The postmortem's answers, action items and alert rule, the rule replayed against the drill's own samples. */
class FollowUpRuleTest {

    private static final double EPSILON = 1e-9;

    /** Users hurt from 300 s to the fix at 1300 s; the heap floor climbs from 25% of the old generation until then. */
    private static TranscriptBuilder drill() {
        return new TranscriptBuilder()
                .diff(50, TranscriptBuilder.LEAK_CLASS)
                .deploy(1300, "session-cache-eviction", "code")
                .samples(30, 2240, 30, at -> at < 300 ? 0.02 : at < 1300 ? 0.35 : 0.01,
                        at -> at < 1300 ? 100e6 + at * 50e3 : 60e6)
                .end(2250, "resolve");
    }

    private static List<Finding> findings(TranscriptBuilder drill) {
        return drill.grade().categories().stream().filter(c -> c.name().equals("followUp")).findFirst()
                .orElseThrow().findings();
    }

    @Test
    void theExpertsPostmortemEarnsEveryPoint() {
        List<Finding> lines = findings(Drills.expert());

        assertEquals(List.of(5 * 0.4, 5 * 0.2, 5 * 0.4), lines.stream().map(Finding::points).toList());
        assertTrue(lines.get(2).reason().contains("would have fired at 15:47:30, before users were hurt at 15:50:00"),
                lines.get(2).reason());
        assertTrue(lines.stream().allMatch(l -> !l.events().isEmpty()), "every award cites its events");
    }

    @Test
    void shrugsAreNotAnswersAndOneActionEarnsHalf() {
        List<Finding> lines = findings(drill().answer(2250, 1, "an alert").answer(2250, 2,
                "A cache keyed by session id with no bound.").actionItem(2250, "fix it").actionItem(2250,
                "Bound every cache in the CRM"));

        assertEquals(5 * 0.4 / 2, lines.get(0).points(), EPSILON);
        assertEquals("answered 1 of 2 follow-up questions", lines.get(0).reason());
        assertEquals(5 * 0.2 / 2, lines.get(1).points(), EPSILON);
    }

    @Test
    void aRuleThatFiresOnlyOnceUsersAreHurtEarnsAQuarter() {
        // 40% of 400 MB is passed just after 1200 s, long after users were hurt at 300 s.
        Finding rule = findings(drill().alertProposal(2250, "old_gen_after_gc_ratio", ">", 0.4, 0)).get(2);

        assertEquals(5 * 0.4 / 4, rule.points(), EPSILON);
        assertTrue(rule.reason().contains("only at 16:05:30, after users were hurt at 15:50:00"), rule.reason());
    }

    @Test
    void aRuleThatStillHoldsAfterTheFixIsNoiseAndEarnsHalf() {
        Finding rule = findings(drill().alertProposal(2250, "old_gen_after_gc_ratio", ">", 0.1, 60)).get(2);

        assertEquals(5 * 0.4 / 2, rule.points(), EPSILON);
        assertTrue(rule.reason().contains("would page on a healthy CRM"), rule.reason());
    }

    @Test
    void aRuleThatNeverFiresOrWatchesNoRecordedMetricEarnsNothing() {
        assertEquals(0, findings(drill().alertProposal(2250, "old_gen_after_gc_ratio", ">", 0.9, 0)).get(2)
                .points(), EPSILON);
        Finding unknown = findings(drill().alertProposal(2250, "heap_vibes", ">", 1, 0)).get(2);
        assertEquals(0, unknown.points(), EPSILON);
        assertTrue(unknown.reason().contains("does not record"), unknown.reason());
    }

    @Test
    void withoutQuestionsTheActionsAndTheRuleShareThePoints() {
        TranscriptBuilder drill = drill().scenario(TranscriptBuilder.defaultScenario().add("followUp",
                jakarta.json.Json.createArrayBuilder()).build()).actionItem(2250, "Alert on the heap floor trend")
                .actionItem(2250, "Bound every cache in the CRM")
                .alertProposal(2250, "old_gen_after_gc_ratio", ">", 0.25, 60);

        List<Finding> lines = findings(drill);
        assertEquals(2, lines.size());
        assertEquals(5 / 3.0, lines.get(0).points(), EPSILON);
        assertEquals(5 * 2 / 3.0, lines.get(1).points(), EPSILON);
    }
}
