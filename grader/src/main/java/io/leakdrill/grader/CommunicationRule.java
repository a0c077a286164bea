package io.leakdrill.grader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Communication: a prompt first status update, a steady cadence of them, updates that say the impact, the actions and
 * when the next one comes (the CAN form), and an escalation to the team that owns the CRM when the diagnosis is late.
 */
final class CommunicationRule implements CategoryRule {

    private static final double SPREAD_SECONDS = 10 * 60;
    private static final double CADENCE_SECONDS = 30 * 60;
    private static final double FIRST_SHARE = 0.3;
    private static final double CADENCE_SHARE = 0.3;
    private static final double CONTENT_SHARE = 0.25;
    private static final double ESCALATION_SHARE = 0.15;
    private static final Pattern IMPACT = Pattern.compile("\\b(users?|reps?|customers?|impact\\w*|slow\\w*|errors?"
            + "|fail\\w*|affected|down|outage|latency|time-?outs?|normal)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\b(investigat\\w*|check\\w*|deploy\\w*|restart\\w*"
            + "|roll\\w*|fix\\w*|mitigat\\w*|escalat\\w*|look\\w*|watch\\w*|monitor\\w*|verif\\w*|paged?)\\b",
            Pattern.CASE_INSENSITIVE);
    // The last word of an incident needs no next update.
    private static final Pattern NEXT = Pattern.compile("next update|update (in|at|by)|resolv\\w*|closing",
            Pattern.CASE_INSENSITIVE);
    private static final String OWNER = "crm-dev";

    @Override
    public String category() {
        return "communication";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        List<Event> updates = drill.log().ofType("update");
        return List.of(firstUpdate(drill, updates, weight * FIRST_SHARE),
                cadence(drill, updates, weight * CADENCE_SHARE), content(updates, weight * CONTENT_SHARE),
                escalation(drill, weight * ESCALATION_SHARE));
    }

    /** Full points when at least half the updates say the impact, the actions and the next update. */
    private static Finding content(List<Event> updates, double share) {
        if (updates.isEmpty()) {
            return Finding.of(0, "no update to say impact, actions and next update");
        }
        List<Event> complete = updates.stream().filter(u -> IMPACT.matcher(u.text("text")).find()
                && ACTION.matcher(u.text("text")).find() && NEXT.matcher(u.text("text")).find()).toList();
        String counted = complete.size() + " of " + updates.size() + " update(s) say impact, actions and next update";
        if (complete.size() * 2 >= updates.size()) {
            return new Finding(share, counted, Event.refs(complete.toArray(Event[]::new)));
        }
        return new Finding(0, counted + "; at least half should", Event.refs(updates.toArray(Event[]::new)));
    }

    /** Stuck past the diagnosis target, the trainee should have brought in the team that owns the CRM's code. */
    private static Finding escalation(Drill drill, double share) {
        EventLog log = drill.log();
        double due = drill.rubric().target("diagnose").toMillis() / 1000.0;
        Optional<Event> diagnosed = drill.rightDiagnosis();
        if (diagnosed.isPresent() && diagnosed.get().at() <= due) {
            return Finding.of(share, "not stuck: the leak was named within the diagnosis target, no escalation "
                    + "needed", diagnosed.get());
        }
        Optional<Event> last = log.last();
        if (diagnosed.isEmpty() && last.isPresent() && last.get().at() < due) {
            // Nothing to credit: neither a diagnosis nor an escalation happened.
            return Finding.of(0, "the drill ended before the diagnosis target with the cause still open",
                    last.get());
        }
        Optional<Event> owner = log.first(e -> (e.is("escalate") || e.is("page")) && OWNER.equals(e.text("team"))
                && e.at() <= due);
        if (owner.isPresent()) {
            return Finding.of(share, "brought in " + OWNER + ", the CRM's owners, while the cause was still open",
                    owner.get());
        }
        return Finding.of(0, "the cause was still open at the diagnosis target (" + Decimals.target(drill.rubric()
                .target("diagnose")) + ") and " + OWNER + " was never paged or escalated to by then",
                diagnosed.orElse(null));
    }

    private static Finding firstUpdate(Drill drill, List<Event> updates, double half) {
        Optional<Event> ack = drill.log().first("ack");
        Optional<Event> reference = ack.or(() -> drill.log().firstFiringAlert());
        String from = ack.isPresent() ? "the ack"
                : reference.isPresent() ? "the first alert" : "the incident start";
        if (updates.isEmpty()) {
            return Finding.of(0, "no status update was sent", reference.orElse(null));
        }
        Event first = updates.get(0);
        Duration target = drill.rubric().target("firstUpdate");
        double elapsed = first.at() - reference.map(Event::at).orElse(0.0);
        // An update sent before the acknowledgement is early, never late.
        String when = elapsed < 0 ? "before " + from : Decimals.elapsed(elapsed) + " after " + from;
        boolean onTime = elapsed <= target.toMillis() / 1000.0;
        return Finding.of(onTime ? half : 0, "first update " + when + " (target " + Decimals.target(target) + ")",
                reference.orElse(null), first);
    }

    private static Finding cadence(Drill drill, List<Event> updates, double half) {
        if (updates.isEmpty()) {
            return Finding.of(0, "no cadence of updates");
        }
        Event first = updates.get(0);
        Event last = updates.get(updates.size() - 1);
        if (last.at() - first.at() >= SPREAD_SECONDS) {
            return Finding.of(half, "updates spread over " + Decimals.elapsed(last.at() - first.at()), first, last);
        }
        // The alternative suits short drills: one update per 30 incident minutes after the first alert.
        double from = drill.log().firstFiringAlert().map(Event::at).orElse(0.0);
        double until = drill.log().last().map(Event::at).orElse(from);
        long needed = Math.max(1, (long) Math.floor((until - from) / CADENCE_SECONDS));
        List<Event> counted = updates.stream().filter(u -> u.at() >= from).toList();
        if (counted.size() >= needed) {
            return new Finding(half, counted.size() + " update(s) over " + Decimals.elapsed(until - from)
                    + " since the first alert, at least one per 30 min", Event.refs(counted.toArray(Event[]::new)));
        }
        return new Finding(0, "updates too sparse: " + counted.size() + " over " + Decimals.elapsed(until - from)
                + "; needed two 10 min apart or one per 30 min", Event.refs(updates.toArray(Event[]::new)));
    }
}
