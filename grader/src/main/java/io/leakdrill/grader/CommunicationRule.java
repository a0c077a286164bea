package io.leakdrill.grader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Communication: a prompt first status update, then a steady cadence of them. */
final class CommunicationRule implements CategoryRule {

    private static final double SPREAD_SECONDS = 10 * 60;
    private static final double CADENCE_SECONDS = 30 * 60;

    @Override
    public String category() {
        return "communication";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        List<Event> updates = drill.log().ofType("update");
        return List.of(firstUpdate(drill, updates, weight / 2), cadence(drill, updates, weight / 2));
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
