package io.leakdrill.grader;

/** Everything a rubric rule needs to know about one drill. */
record Drill(EventLog log, Rubric rubric, AnswerKey key, IncidentClock clock) {

    static Drill of(Transcript transcript) {
        IncidentClock clock = IncidentClock.of(transcript.header(), transcript.scenario());
        return new Drill(EventLog.of(transcript.events(), clock), Rubric.of(transcript.scenario()),
                AnswerKey.of(transcript.header(), transcript.scenario()), clock);
    }
}
