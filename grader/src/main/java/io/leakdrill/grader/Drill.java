package io.leakdrill.grader;

import java.util.List;
import java.util.Optional;

/** Everything a rubric rule needs to know about one drill; {@code followUp} holds the scenario's postmortem questions. */
record Drill(EventLog log, Rubric rubric, AnswerKey key, IncidentClock clock, List<String> followUp) {

    /** The first time the trainee named the leaking component. */
    Optional<Event> rightDiagnosis() {
        return log.first(e -> e.is("diagnose") && key.isLeakingComponent(e.text("component")));
    }

    /** The first deploy of the fixing patch. */
    Optional<Event> fixDeploy() {
        return log.first(e -> e.is("deploy") && key.isFix(e.text("patch")));
    }

    static Drill of(Transcript transcript) {
        IncidentClock clock = IncidentClock.of(transcript.header(), transcript.scenario());
        return new Drill(EventLog.of(transcript.events(), clock), Rubric.of(transcript.scenario()),
                AnswerKey.of(transcript.header(), transcript.scenario()), clock,
                Fields.strings(transcript.scenario(), "followUp"));
    }
}
