package io.leakdrill.drill;

/** Where asynchronous drill events (alerts, messages, CRM crashes) are shown to the trainee. */
public interface EventSink {

    /** How an event bears on the incident, so a terminal can colour it; plain output ignores it. */
    enum Tone {
        /** A message or a neutral fact. */
        INFO,
        /** Something recovered: an alert resolved. */
        GOOD,
        /** Worth a look: a SEV2 or SEV3 alert, a monitor hiccup. */
        WARN,
        /** The incident got worse: a SEV1 alert, an OutOfMemoryError, the CRM gone. */
        BAD
    }

    void show(Tone tone, String line);
}
