package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraderTest {

    private static final double EPSILON = 1e-9;

    @Test
    void expertDrillScoresHigh() {
        Scorecard card = Drills.expert().grade();

        assertTrue(card.total() >= 85, () -> "total " + card.total() + "\n" + ScorecardText.render(card));
        assertEquals(100, card.max());
        assertEquals("expert", card.level());
        assertTrue(card.penalties().isEmpty());
        assertTrue(card.complete());
    }

    @Test
    void restartAndBiggerHeapOnlyScoresLow() {
        Scorecard card = Drills.bandAidOnly().grade();

        assertTrue(card.total() < 40, () -> "total " + card.total() + "\n" + ScorecardText.render(card));
        assertEquals("novice", card.level());
        assertEquals(List.of(-5.0, -5.0), card.penalties().stream().map(Finding::points).toList());
        assertTrue(card.penalties().get(1).reason().contains("band-aid presented as a fix"));
        assertEquals(0, points(card, "fix"), EPSILON);
        assertEquals(0, points(card, "diagnosis"), EPSILON);
    }

    @Test
    void aRaisedHeapAndAWatchdogsRestartsAreBandAids() {
        Scorecard card = Drills.bandAidOnly()
                .event(1100, "config", Json.createObjectBuilder().add("key", "heap-mb").add("value", "256")
                        .add("previous", "64").add("heapMb", 256).add("previousHeapMb", 64).add("bandAid", true))
                .event(1200, "config", Json.createObjectBuilder().add("key", "gc").add("value", "serial")
                        .add("previous", "g1"))
                .event(1300, "restart", Json.createObjectBuilder().add("reason", "autorestart").add("pid", 1)
                        .add("rule", "old_gen_after_gc_ratio > 0.9").add("bandAid", true))
                .event(1700, "restart", Json.createObjectBuilder().add("reason", "autorestart").add("pid", 2)
                        .add("rule", "old_gen_after_gc_ratio > 0.9").add("bandAid", true))
                .grade();
        List<String> reasons = card.penalties().stream().map(Finding::reason).toList();
        assertTrue(reasons.contains("band-aid: raised the heap from 64 to 256 MB"), reasons.toString());
        assertEquals(1, reasons.stream().filter(r -> r.startsWith("band-aid: restarts by a watchdog")).count(),
                "the watchdog is one decision: " + reasons);
        assertTrue(reasons.stream().noneMatch(r -> r.contains("serial")), "a collector is not a band-aid");
    }

    @Test
    void everyLineThatAwardsOrTakesPointsCitesEventsThatExist() {
        for (TranscriptBuilder drill : List.of(Drills.expert(), Drills.bandAidOnly())) {
            Transcript transcript = drill.transcript();
            Map<Long, EventRef> recorded = transcript.events().stream()
                    .map(e -> new EventRef(e.getJsonNumber("seq").longValue(),
                            e.getJsonNumber("at").doubleValue(), e.getString("clock")))
                    .collect(Collectors.toMap(EventRef::seq, Function.identity()));
            Scorecard card = Grader.grade(transcript);
            List<Finding> lines = new java.util.ArrayList<>(card.penalties());
            card.categories().forEach(c -> lines.addAll(c.findings()));

            for (Finding line : lines) {
                if (line.points() != 0) {
                    assertFalse(line.events().isEmpty(), () -> "uncited: " + line);
                }
                for (EventRef ref : line.events()) {
                    assertEquals(recorded.get(ref.seq()), ref, () -> "cites an event not in the transcript: " + line);
                }
            }
        }
    }

    @Test
    void findingsAddUpToTheirCategory() {
        for (CategoryScore category : Drills.bandAidOnly().grade().categories()) {
            assertEquals(category.points(), category.findings().stream().mapToDouble(Finding::points).sum(), EPSILON,
                    category.name());
            assertTrue(category.points() <= category.max() + EPSILON, category.name());
        }
    }

    @Test
    void gradingIsDeterministic() {
        TranscriptBuilder drill = Drills.expert().diagnose(700, "database");
        Scorecard first = Grader.grade(drill.transcript());
        Scorecard second = Grader.grade(drill.transcript());

        assertEquals(first, second);
        assertEquals(ScorecardText.render(first), ScorecardText.render(second));
        assertEquals(ScorecardJson.render(first), ScorecardJson.render(second));
        assertEquals(ScorecardJson.toJson(first), ScorecardJson.toJson(second));
    }

    @Test
    void acknowledgementLateByTwiceTheTargetEarnsHalf() {
        Scorecard card = new TranscriptBuilder()
                .alert(Drills.ALERT_AT, "A1", "firing")
                .ack(Drills.ALERT_AT + 600, "A1")
                .end(2000, "quit")
                .grade();

        Finding line = category(card, "triage").findings().get(0);
        assertEquals(10 * 0.5 / 2, line.points(), EPSILON);
        assertEquals(List.of(1L, 2L), line.events().stream().map(EventRef::seq).toList());
        assertTrue(line.reason().contains("10.0 min"), line.reason());
    }

    @Test
    void acknowledgementAtThreeTimesTheTargetEarnsNothingAndNeverAcknowledgedCitesTheAlert() {
        Scorecard late = new TranscriptBuilder().alert(100, "A1", "firing").ack(1000, "A1").grade();
        Scorecard never = new TranscriptBuilder().alert(100, "A1", "firing").end(2000, "quit").grade();

        assertEquals(0, points(late, "triage"), EPSILON);
        assertEquals(0, points(never, "triage"), EPSILON);
        assertEquals(1L, category(never, "triage").findings().get(0).events().get(0).seq());
    }

    @Test
    void triageAsksForASeverityAndForWhatUsersFeelBeforeTheInsides() {
        TranscriptBuilder drill = new TranscriptBuilder().alert(100, "A1", "firing").ack(150, "A1")
                .evidence(200, "gc").evidence(250, "status");
        List<Finding> blind = category(drill.grade(), "triage").findings();
        assertEquals(List.of(0.0, 0.0), List.of(blind.get(1).points(), blind.get(2).points()));
        assertTrue(blind.get(2).reason().contains("looked at gc before what users feel"), blind.get(2).reason());

        List<Finding> triaged = category(drill.evidence(180, "users").event(190, "severity",
                jakarta.json.Json.createObjectBuilder().add("severity", "SEV2")).grade(), "triage").findings();
        assertEquals(List.of(10 * 0.25, 10 * 0.25), List.of(triaged.get(1).points(), triaged.get(2).points()));
    }

    @Test
    void withNoAlertToAcknowledgeOwnershipIsTheDeclarationTimedFromTheStart() {
        Scorecard declared = new TranscriptBuilder().evidence(60, "status").event(90, "severity",
                Json.createObjectBuilder().add("severity", "SEV2")).end(600, "resolve").grade();
        Scorecard late = new TranscriptBuilder().event(600, "severity",
                Json.createObjectBuilder().add("severity", "SEV3")).end(1200, "resolve").grade();
        Scorecard abandoned = new TranscriptBuilder().evidence(10, "status").end(14, "quit").grade();

        Finding owned = category(declared, "triage").findings().get(0);
        assertEquals(10 * 0.5, owned.points(), EPSILON);
        assertTrue(owned.reason().contains("no alert fired"), owned.reason());
        assertEquals(List.of(90.0), owned.events().stream().map(EventRef::at).toList(), "cites the declaration");
        assertEquals(10, points(declared, "triage"), EPSILON);
        assertEquals(10 * 0.5 * 0.5, category(late, "triage").findings().get(0).points(), EPSILON,
                "10 min against a 5 min target: half of it");
        assertEquals(10 * 0.25, points(abandoned, "triage"), EPSILON, "only the first look at users");
    }

    @Test
    void aClaimBeforeEvidencePointingAtTheLeakEarnsOnlyTheAreaItHadSeen() {
        Scorecard guessed = new TranscriptBuilder()
                .alert(100, "A1", "firing")
                .evidence(200, "gc")
                .diagnose(300, "session-cache", "unbounded-cache")
                .diff(400, TranscriptBuilder.LEAK_CLASS)
                .roots(450, TranscriptBuilder.RETAINED_BY)
                .grade();

        CategoryScore diagnosis = category(guessed, "diagnosis");
        assertEquals(20 * 0.2, diagnosis.points(), EPSILON);
        assertTrue(diagnosis.findings().get(2).reason().contains("a guess"), diagnosis.findings().get(2).reason());
    }

    @Test
    void eachLayerIsCreditedOnlyWithTheEvidenceThatShowsIt() {
        // A diff that shows the leaking class growing, but no path to GC roots and no pattern named.
        Scorecard card = new TranscriptBuilder()
                .diff(100, TranscriptBuilder.LEAK_CLASS)
                .diagnose(200, "session-cache")
                .grade();

        List<Finding> layers = category(card, "diagnosis").findings();
        assertEquals(List.of(20 * 0.2, 0.0, 20 * 0.35, 0.0), layers.stream().map(Finding::points).toList());
        assertTrue(layers.get(1).reason().contains("--pattern"), layers.get(1).reason());
        assertTrue(layers.get(3).reason().contains(TranscriptBuilder.RETAINED_BY), layers.get(3).reason());

        // A diff in which only other classes grew points at nothing.
        Scorecard blind = new TranscriptBuilder().diff(100, "java.lang.String").diagnose(200, "session-cache")
                .grade();
        assertEquals(20 * 0.2, points(blind, "diagnosis"), EPSILON);
    }

    @Test
    void aWrongComponentInTheRightAreaStillEarnsTheArea() {
        Scorecard card = new TranscriptBuilder().evidence(100, "gc").diagnose(200, "report-cache").grade();

        assertEquals(20 * 0.2, category(card, "diagnosis").findings().get(0).points(), EPSILON);
        assertEquals(0, points(card, "diagnosis"), EPSILON, "the wrong component's charge takes what the area gave");
    }

    @Test
    void eachWrongDiagnosisBeforeTheRightOneCostsAFifth() {
        Scorecard card = new TranscriptBuilder()
                .diff(100, TranscriptBuilder.LEAK_CLASS)
                .roots(150, TranscriptBuilder.LEAK_CLASS + " <- " + TranscriptBuilder.RETAINED_BY)
                .diagnose(200, "database")
                .diagnose(300, "network")
                .diagnose(400, "session-cache", "unbounded-cache")
                .diagnose(500, "deals-index")
                .grade();

        assertEquals(20 - 2 * 4, points(card, "diagnosis"), EPSILON);
        assertEquals(6, category(card, "diagnosis").findings().size());
    }

    @Test
    void wrongDiagnosesOnlyScoreZeroAndAreCited() {
        Scorecard card = new TranscriptBuilder().diagnose(200, "database").diagnose(300, "network").grade();

        Finding component = category(card, "diagnosis").findings().get(2);
        assertEquals(0, points(card, "diagnosis"), EPSILON);
        assertTrue(component.reason().contains("never named the leaking component"), component.reason());
        assertEquals(List.of(1L, 2L), component.events().stream().map(EventRef::seq).toList());
    }

    @Test
    void oneGcTableIsATrendOnlyWhenItsRowsSpanFiveMinutes() {
        TranscriptBuilder drill = new TranscriptBuilder().event(100, "evidence", jakarta.json.Json
                .createObjectBuilder().add("kind", "gc").add("id", "E1").add("trendMinutes", 1.5));
        Finding glance = category(drill.grade(), "evidence").findings().get(0);
        assertEquals(0, glance.points(), EPSILON);
        assertTrue(glance.reason().contains("too short for a trend"), glance.reason());

        Finding spanning = category(new TranscriptBuilder().event(900, "evidence", jakarta.json.Json
                .createObjectBuilder().add("kind", "gc").add("id", "E2").add("trendMinutes", 12)).grade(), "evidence")
                .findings().get(0);
        assertEquals(20 * 0.3 / 0.85, spanning.points(), EPSILON);
        assertTrue(spanning.reason().contains("one table spanning 12 min"), spanning.reason());
    }

    @Test
    void evidenceGatheredOnlyAfterARestartCountsHalf() {
        Scorecard card = new TranscriptBuilder()
                .evidence(100, "gc")
                .evidence(400, "gc")
                .restart(500, "trainee")
                .evidence(600, "histogram-diff")
                .grade();

        // No OutOfMemoryError, so its share is spread over the rest.
        double scale = 1 / 0.85;
        assertEquals((20 * 0.3 + 20 * 0.3 / 2) * scale, points(card, "evidence"), EPSILON);
        assertTrue(card.penalties().isEmpty(), "the restart came after evidence, so it was not blind");
    }

    @Test
    void anOutOfMemoryErrorAsksForItsTypeToBeRead() {
        TranscriptBuilder drill = Drills.expert().event(1100, "crm", jakarta.json.Json.createObjectBuilder()
                .add("state", "oom").add("exitCode", 3).add("detail", "Java heap space"));
        Finding unread = category(drill.grade(), "evidence").findings().get(3);
        assertEquals(0, unread.points(), EPSILON);

        Finding read = category(drill.event(1150, "evidence", jakarta.json.Json.createObjectBuilder()
                .add("kind", "logs").add("outOfMemoryLines", 2)).grade(), "evidence").findings().get(3);
        assertEquals(20 * 0.15, read.points(), EPSILON);
    }

    @Test
    void penaltiesAreCappedAtTwenty() {
        Scorecard card = Drills.expert()
                .restart(60, "trainee")
                .deploy(1400, "heap-512m", "jvm")
                .deploy(1500, "heap-512m", "jvm")
                .event(1550, "hint", jakarta.json.Json.createObjectBuilder().add("number", 1).add("cost", 3))
                .event(1600, "escalate", jakarta.json.Json.createObjectBuilder().add("team", "database"))
                .grade();

        assertEquals(List.of(-5.0, -5.0, -5.0, -3.0, -2.0),
                card.penalties().stream().map(Finding::points).toList());
        assertTrue(card.penalties().get(4).reason().contains("cap"), card.penalties().get(4).reason());
        // The blind restart also halves the evidence, and only the cap's 20 points are taken.
        assertEquals(20 * 0.5, points(card, "evidence"), EPSILON);
        double categories = card.categories().stream().mapToDouble(CategoryScore::points).sum();
        assertEquals(Math.round(categories - 20), card.total());
    }

    @Test
    void totalNeverGoesBelowZero() {
        Scorecard card = new TranscriptBuilder()
                .scenario(TranscriptBuilder.defaultScenario().add("rubric", jakarta.json.Json.createObjectBuilder()
                        .add("weights", jakarta.json.Json.createObjectBuilder().add("triage", 0).add("evidence", 0)
                                .add("diagnosis", 0).add("mitigation", 0).add("fix", 5).add("communication", 0)
                                .add("followUp", 0)))
                        .build())
                .deploy(100, "heap-512m", "jvm")
                .grade();

        assertEquals(0, card.total());
        assertEquals(5, card.max());
    }

    @Test
    void aFixWhoseFloorKeepsRisingIsNotVerified() {
        Scorecard card = new TranscriptBuilder()
                .diff(50, TranscriptBuilder.LEAK_CLASS)
                .deploy(100, "session-cache-eviction", "code")
                .samples(110, 1000, 30, at -> 0.01, at -> 60e6 + at * 50e3)
                .end(1010, "resolve")
                .grade();

        List<Finding> fix = category(card, "fix").findings();
        assertEquals(15 * 0.5, points(card, "fix"), EPSILON);
        assertTrue(fix.get(1).reason().contains("still rose"), fix.get(1).reason());
        assertTrue(fix.get(2).reason().contains("before the fix was verified"), fix.get(2).reason());
    }

    @Test
    void aSoundCacheRefillingAfterTheFixStillCountsAsFlat() {
        // The deploy restarts the CRM: its bounded cache refills for five minutes, then holds.
        Scorecard card = new TranscriptBuilder()
                .diff(50, TranscriptBuilder.LEAK_CLASS)
                .deploy(100, "session-cache-eviction", "code")
                .samples(110, 1300, 30, at -> 0.01, at -> 60e6 + Math.min(at - 100, 300) * 150e3)
                .end(1310, "resolve")
                .grade();

        assertEquals(15, points(card, "fix"), EPSILON, () -> category(card, "fix").findings().toString());
    }

    @Test
    void aMetaspaceLeakIsVerifiedInMetaspaceNotInTheHeap() {
        TranscriptBuilder drill = new TranscriptBuilder().header(h -> h.add("leakArea", "metaspace"))
                .diff(50, TranscriptBuilder.LEAK_CLASS)
                .deploy(100, "session-cache-eviction", "code");
        for (double at = 110; at <= 1000; at += 30) {
            drill.event(at, "sample", jakarta.json.Json.createObjectBuilder().add("crmUp", true)
                    .add("usersAffected", 0.01).add("oldAfterGc", 60e6).add("oldMax", TranscriptBuilder.OLD_MAX)
                    .add("metaspaceUsed", 20e6 + at * 20e3).add("metaspaceMax", 64e6));
        }
        Scorecard card = drill.end(1010, "resolve").grade();

        List<Finding> fix = category(card, "fix").findings();
        assertTrue(fix.get(1).reason().startsWith("metaspace used still rose"), fix.get(1).reason());
    }

    @Test
    void aFixShippedBeforeAnyEvidencePointedAtTheLeakEarnsNothing() {
        TranscriptBuilder drill = new TranscriptBuilder()
                .evidence(50, "gc")
                .deploy(100, "session-cache-eviction", "code")
                .samples(110, 1300, 30, at -> 0.01, at -> 60e6)
                .end(1310, "resolve");

        assertEquals(0, points(drill.grade(), "fix"), EPSILON);
        assertEquals(15, points(drill.diff(60, TranscriptBuilder.LEAK_CLASS).grade(), "fix"), EPSILON);
    }

    @Test
    void aFixRolledBackAndNotShippedAgainNoLongerCounts() {
        TranscriptBuilder drill = new TranscriptBuilder()
                .diff(50, TranscriptBuilder.LEAK_CLASS)
                .deploy(100, "session-cache-eviction", "code")
                .event(200, "rollback", jakarta.json.Json.createObjectBuilder().add("patch", "session-cache-eviction")
                        .add("kind", "code").add("undoes", 2))
                .samples(210, 1300, 30, at -> 0.01, at -> 60e6)
                .end(1310, "resolve");

        Finding undone = category(drill.grade(), "fix").findings().get(0);
        assertEquals(0, undone.points(), EPSILON);
        assertTrue(undone.reason().contains("rolled it back"), undone.reason());
        assertEquals(15, points(drill.deploy(300, "session-cache-eviction", "code").grade(), "fix"), EPSILON);
    }

    @Test
    void resolvingTooSoonAfterTheFixLosesVerificationAndResolve() {
        Scorecard card = new TranscriptBuilder()
                .diff(50, TranscriptBuilder.LEAK_CLASS)
                .deploy(100, "session-cache-eviction", "code")
                .samples(110, 400, 30, at -> 0.01, at -> 60e6)
                .end(410, "resolve")
                .grade();

        assertEquals(15 * 0.5, points(card, "fix"), EPSILON);
    }

    @Test
    void mitigationIsTimedFromTheFirstAlertToTheFirstOfTwoHealthySamples() {
        Scorecard card = new TranscriptBuilder()
                .alert(0, "A1", "firing")
                .restart(4000, "trainee")
                .samples(30, 4500, 30, at -> at < 4000 ? 0.5 : 0.0, at -> 60e6)
                .grade();

        // Recovered at 4020 s = 67 min against a 45 min target: (135 - 67) / 90 of the time share. Restarted with no
        // forensics taken and never looked again: nothing for the method or the confirmation.
        assertEquals(20 * 0.6 * (135 - 67.0) / 90, points(card, "mitigation"), EPSILON);
        TimeMetric mitigate = card.times().get(2);
        assertEquals(67.0, mitigate.minutes().getAsDouble(), EPSILON);
        assertFalse(mitigate.onTarget());
    }

    @Test
    void impactThatNeverExceededTheSloCountsOnlyWhenSomethingWasDoneInTime() {
        TranscriptBuilder drill = new TranscriptBuilder()
                .samples(30, 600, 30, at -> at == 300 ? 0.08 : 0.01, at -> 60e6);

        Finding idle = category(drill.grade(), "mitigation").findings().get(0);
        assertEquals(0, idle.points(), EPSILON);
        assertTrue(idle.reason().contains("nothing was restarted or deployed"), idle.reason());
        assertEquals(300.0, idle.events().get(0).at(), EPSILON);

        Scorecard fixed = drill.diff(100, TranscriptBuilder.LEAK_CLASS).deploy(200, "session-cache-eviction", "code")
                .evidence(400, "status").grade();
        assertEquals(20, points(fixed, "mitigation"), EPSILON);
    }

    @Test
    void silenceEarnsNoCommunicationPoints() {
        Scorecard card = Drills.bandAidOnly().grade();

        assertEquals(0, points(card, "communication"), EPSILON);
    }

    @Test
    void aLateFirstUpdateStillEarnsTheCadence() {
        Scorecard card = new TranscriptBuilder()
                .alert(0, "A1", "firing")
                .ack(60, "A1")
                .update(1800, "working on it")
                .update(2500, "still working")
                .end(3000, "quit")
                .grade();

        List<Finding> lines = category(card, "communication").findings();
        assertEquals(List.of(0.0, 3.0, 0.0), lines.subList(0, 3).stream().map(Finding::points).toList());
        assertTrue(lines.get(2).reason().startsWith("0 of 2 update(s) say impact, actions and next update"),
                lines.get(2).reason());
    }

    @Test
    void updatesInTheCanFormEarnTheirShare() {
        Scorecard card = new TranscriptBuilder()
                .update(300, "Reps see slow pages; investigating the CRM's memory. Next update in 15 minutes.")
                .update(900, "still looking")
                .end(1000, "quit")
                .grade();

        Finding content = category(card, "communication").findings().get(2);
        assertEquals(10 * 0.25, content.points(), EPSILON);
        assertEquals(1, content.events().size(), "only the update that says all three is cited");
    }

    @Test
    void stuckPastTheDiagnosisTargetTheOwnersShouldBeBroughtIn() {
        TranscriptBuilder stuck = new TranscriptBuilder().diagnose(4000, "session-cache").end(4500, "quit");
        assertEquals(0, category(stuck.grade(), "communication").findings().get(3).points(), EPSILON);

        Finding escalated = category(stuck.event(3000, "escalate", jakarta.json.Json.createObjectBuilder()
                .add("team", "crm-dev").add("text", "heap keeps growing, need eyes on the session code")).grade(),
                "communication").findings().get(3);
        assertEquals(10 * 0.15, escalated.points(), EPSILON);
        assertTrue(escalated.reason().contains("crm-dev"), escalated.reason());
    }

    @Test
    void timesShowMinutesAndClockAgainstTargets() {
        Scorecard card = Drills.expert().grade();

        TimeMetric acknowledge = card.times().get(0);
        assertEquals("to acknowledge", acknowledge.name());
        assertEquals(2.0, acknowledge.minutes().getAsDouble(), EPSILON);
        assertEquals("15:49:00", acknowledge.reachedAt().orElseThrow());
        assertEquals("15:52:00", acknowledge.dueBy().orElseThrow());
        assertTrue(acknowledge.onTarget());
        assertEquals(37.5, card.times().get(3).minutes().getAsDouble(), EPSILON);

        TimeMetric diagnose = Drills.bandAidOnly().grade().times().get(1);
        assertFalse(diagnose.reached());
        assertEquals("16:45:00", diagnose.dueBy().orElseThrow());
    }

    @Test
    void missingRubricFallsBackToDefaults() {
        Scorecard card = new TranscriptBuilder()
                .scenario(TranscriptBuilder.defaultScenario().remove("rubric").build())
                .alert(0, "A1", "firing")
                .ack(600, "A1")
                .grade();

        assertEquals(100, card.max());
        assertEquals(10 * 0.5 / 2, category(card, "triage").findings().get(0).points(), EPSILON);
    }

    @Test
    void partialWeightsKeepTheOtherDefaultsAndIgnoreUnknownCategories() {
        var scenario = TranscriptBuilder.defaultScenario()
                .add("rubric", jakarta.json.Json.createObjectBuilder().add("weights",
                        jakarta.json.Json.createObjectBuilder().add("triage", 20).add("style", 30)))
                .build();

        Scorecard card = new TranscriptBuilder().scenario(scenario).grade();

        assertEquals(110, card.max());
        assertEquals(List.of("triage", "mitigation", "evidence", "diagnosis", "fix", "communication", "followUp"),
                card.categories().stream().map(CategoryScore::name).toList());
    }

    private static CategoryScore category(Scorecard card, String name) {
        return card.categories().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static double points(Scorecard card, String name) {
        return category(card, name).points();
    }
}
