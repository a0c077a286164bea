package io.leakdrill.grader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Triage: how quickly the first firing alert was acknowledged (with no alert, how quickly the incident was declared),
 * whether a severity was declared, and whether the trainee looked at what users feel before the CRM's insides.
 */
final class TriageRule implements CategoryRule {

    private static final double ACK_SHARE = 0.5;
    private static final double SEVERITY_SHARE = 0.25;
    private static final double USERS_FIRST_SHARE = 0.25;
    private static final Set<String> USER_IMPACT = Set.of("status", "users");
    // Starting a flight recording shows nothing yet, so it is not a look at the insides.
    private static final Set<String> NOT_A_LOOK = Set.of("roots-recording");

    @Override
    public String category() {
        return "triage";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        Optional<Event> alert = drill.log().firstFiringAlert();
        Finding owned = alert.isPresent() ? acknowledged(alert.get(), drill, weight * ACK_SHARE)
                : declared(drill, weight * ACK_SHARE);
        return List.of(owned, severity(drill, weight * SEVERITY_SHARE), usersFirst(drill, weight * USERS_FIRST_SHARE));
    }

    // With no alert to acknowledge, the incident came from people (tickets, chat): the trainee takes ownership by
    // declaring it, and is timed from the incident's start as an acknowledgement is timed from its alert.
    private static Finding declared(Drill drill, double weight) {
        Optional<Event> declaration = drill.log().first("severity");
        if (declaration.isEmpty()) {
            return Finding.of(0, "no alert fired and the incident was never declared (severity), so nobody owned it");
        }
        Duration target = drill.rubric().target("acknowledge");
        double elapsed = declaration.get().at();
        return Finding.of(weight * Credit.linear(elapsed, target), "no alert fired; took ownership by declaring the"
                + " incident " + Decimals.elapsed(elapsed) + " after it began (target " + Decimals.target(target) + ")",
                declaration.get());
    }

    private static Finding severity(Drill drill, double share) {
        return drill.log().first("severity")
                .map(e -> Finding.of(share, "declared the incident " + e.text("severity"), e))
                .orElseGet(() -> Finding.of(0, "never declared a severity (severity SEV1|SEV2|SEV3)"));
    }

    private static Finding usersFirst(Drill drill, double share) {
        List<Event> looks = drill.log().all().stream().filter(e -> e.is("evidence")
                && !NOT_A_LOOK.contains(e.text("kind"))).toList();
        if (looks.isEmpty()) {
            return Finding.of(0, "never looked at anything");
        }
        Event first = looks.get(0);
        if (USER_IMPACT.contains(first.text("kind"))) {
            return Finding.of(share, "looked at what users feel (" + first.text("kind") + ") before the CRM's insides",
                    first);
        }
        Optional<Event> users = looks.stream().filter(e -> USER_IMPACT.contains(e.text("kind"))).findFirst();
        return Finding.of(0, "looked at " + first.text("kind") + " before what users feel"
                + users.map(u -> " (status or users came later)").orElse(" (never ran status or users)"), first);
    }

    private static Finding acknowledged(Event fired, Drill drill, double weight) {
        String id = fired.text("alert").isBlank() ? "the first alert" : fired.text("alert");
        Optional<Event> ack = drill.log().firstAfter(fired, e -> e.is("ack"));
        if (ack.isEmpty()) {
            return Finding.of(0, id + " fired and was never acknowledged", fired);
        }
        Duration target = drill.rubric().target("acknowledge");
        double elapsed = ack.get().at() - fired.at();
        return Finding.of(weight * Credit.linear(elapsed, target),
                "acknowledged " + id + " " + Decimals.elapsed(elapsed) + " after it fired (target "
                        + Decimals.target(target) + ")",
                fired, ack.get());
    }
}
