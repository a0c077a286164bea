package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Points taken for destructive or misleading acts (band-aids presented as fixes: a band-aid patch, a raised heap, a
 * watchdog's restarts; blind restarts; blaming the database or network without evidence; bursts of diagnostics that
 * freeze the CRM) and for the hints revealed, each at its price. A band-aid declared temporary is not penalised:
 * mitigation gives it half credit instead.
 */
final class Penalties {

    static final double CAP = 20;
    private static final double BAND_AID = 5;
    private static final double BLIND_RESTART = 5;
    private static final double BLAME = 5;
    private static final double PAUSE_BURST = 3;
    // Transcripts from before hints had a price carry none; they cost what a hint costs by default.
    private static final double DEFAULT_HINT_COST = 3;

    private Penalties() {
    }

    static List<Finding> of(Drill drill) {
        Optional<Event> firstEvidence = drill.log().first("evidence");
        boolean bandAidsDeclared = BandAids.declaredTemporary(drill.log()).isPresent();
        List<Finding> penalties = new ArrayList<>();
        Set<String> blamed = new HashSet<>();
        PauseBurst pauses = new PauseBurst();
        double left = CAP;
        boolean watchdogSeen = false;
        for (Event event : drill.log().all()) {
            double cost;
            String reason;
            Optional<String> blame = Blame.unsupported(event, drill.log());
            if (bandAidsDeclared && BandAids.isBandAid(event, drill.key())) {
                continue;
            } else if (event.is("deploy") && drill.key().isBandAid(event.text("patch"))) {
                cost = BAND_AID;
                reason = "band-aid presented as a fix: deployed " + event.text("patch");
            } else if (event.is("config") && event.flag("bandAid", false)) {
                cost = BAND_AID;
                reason = "band-aid: raised the heap from " + event.text("previous") + " to " + event.text("value")
                        + " MB";
            } else if (event.is("restart") && event.flag("bandAid", false) && !watchdogSeen) {
                // Once: the watchdog is one decision, however often it then fires.
                watchdogSeen = true;
                cost = BAND_AID;
                reason = "band-aid: restarts by a watchdog (" + event.text("rule") + ") hid the leak";
            } else if (blame.isPresent() && blamed.add(event.text("team"))) {
                cost = BLAME;
                reason = blame.get();
            } else if (pauses.completes(event)) {
                cost = PAUSE_BURST;
                reason = PauseBurst.LIMIT + " diagnostics that pause the CRM within "
                        + Decimals.compact(PauseBurst.WINDOW_SECONDS / 60) + " minutes, while users depend on it";
            } else if (event.is("hint")) {
                cost = event.number("cost", DEFAULT_HINT_COST);
                reason = "hint " + Decimals.compact(event.number("number", 0)) + " revealed";
            } else if (event.is("restart") && "trainee".equals(event.text("reason"))
                    && firstEvidence.map(event::before).orElse(true)) {
                cost = BLIND_RESTART;
                reason = "restarted blind, evidence lost";
            } else {
                continue;
            }
            // Later penalties take only what the cap leaves, so the listed points add up to what was taken.
            double taken = Math.min(cost, left);
            left -= taken;
            penalties.add(Finding.of(-taken, taken < cost ? reason + " (penalty cap of "
                    + Decimals.compact(CAP) + " reached)" : reason, event));
        }
        return penalties;
    }
}
