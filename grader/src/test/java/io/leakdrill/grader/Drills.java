package io.leakdrill.grader;

/** Whole drills used by several tests. */
final class Drills {

    static final double ALERT_AT = 120;

    private Drills() {
    }

    /** Right answer in every layer, evidence first, quick acknowledgement and steady updates. */
    static TranscriptBuilder expert() {
        return new TranscriptBuilder()
                .event(0, "ready", jakarta.json.Json.createObjectBuilder().add("startupMs", 900).add("crmPid", 4242))
                .alert(ALERT_AT, "A1", "firing")
                .ack(240, "A1")
                .evidence(250, "status")
                .event(260, "severity", jakarta.json.Json.createObjectBuilder().add("severity", "SEV2"))
                .update(300, "Investigating slow CRM pages for reps; memory suspected. Next update in 15 minutes.")
                .evidence(600, "gc")
                .evidence(840, "histogram")
                .diff(900, TranscriptBuilder.LEAK_CLASS, "[B")
                .roots(950, TranscriptBuilder.LEAK_CLASS + " <- " + TranscriptBuilder.RETAINED_BY)
                .evidence(960, "gc")
                .diagnose(1000, "session-cache", "unbounded-cache")
                .update(1200, "Leak found in the session cache; users still slow. Deploying the fix. "
                        + "Next update in 15 min.")
                .deploy(1300, "session-cache-eviction", "code")
                .restart(1305, "deploy")
                .evidence(1700, "status")
                .update(1800, "Fix deployed, memory flat, users back to normal; watching before resolving.")
                .samples(30, 2240, 30, at -> at < 300 ? 0.02 : at < 1300 ? 0.35 : 0.01,
                        at -> at < 1300 ? 100e6 + at * 50e3 : 60e6 + (at % 90 == 0 ? 1e6 : 0))
                .end(2250, "resolve")
                .answer(2250, 1, "An alert on the heap floor above 25 percent for two minutes.")
                .answer(2250, 2, "A map keyed by session id with no eviction or size bound.")
                .actionItem(2250, "Alert on the heap floor trend")
                .actionItem(2250, "Review every cache for a bound")
                // The floor passes 25% (100 MB of 400 MB) at once, so it holds from the first sample to 2m later.
                .alertProposal(2250, "old_gen_after_gc_ratio", ">", 0.25, 120);
    }

    /** No evidence, no diagnosis: a blind restart, then a bigger heap declared as the fix. */
    static TranscriptBuilder bandAidOnly() {
        return new TranscriptBuilder()
                .alert(ALERT_AT, "A1", "firing")
                .ack(900, "A1")
                .restart(1000, "trainee")
                .deploy(1500, "heap-512m", "jvm")
                .restart(1505, "deploy")
                .samples(30, 2390, 30,
                        at -> at < 300 ? 0.02 : at < 1000 ? 0.35 : at < 1300 ? 0.02 : at < 1500 ? 0.4 : 0.02,
                        at -> 100e6 + (at % 1000) * 80e3)
                .end(2400, "resolve");
    }
}
