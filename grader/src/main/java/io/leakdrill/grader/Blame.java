package io.leakdrill.grader;

import java.util.List;
import java.util.Optional;

/**
 * Handing the incident to the database or network team: fair when the trainee's own look showed trouble there, a
 * misdirection when nothing supported it or a look had already cleared them.
 */
final class Blame {

    private Blame() {
    }

    /** Why this escalation is unsupported blame, or empty when it is not blame or was backed by evidence. */
    static Optional<String> unsupported(Event escalation, EventLog log) {
        if (!escalation.is("escalate")) {
            return Optional.empty();
        }
        String team = escalation.text("team");
        if (!team.equals("database") && !team.equals("network")) {
            return Optional.empty();
        }
        List<Event> looks = log.all().stream().filter(e -> e.before(escalation) && e.is("evidence")
                && e.text("kind").startsWith(team.equals("database") ? "db-" : "net-")).toList();
        if (looks.stream().anyMatch(Blame::showsTrouble)) {
            return Optional.empty();
        }
        Optional<Event> ruledOut = log.first(e -> e.before(escalation) && e.is("rule-out")
                && team.equals(e.text("suspect")));
        if (ruledOut.isPresent()) {
            return Optional.of("blamed the " + team + " after ruling it out yourself");
        }
        return Optional.of(looks.isEmpty() ? "blamed the " + team + " without looking at it"
                : "blamed the " + team + " though your own look (" + looks.get(looks.size() - 1).text("kind")
                        + ") showed nothing wrong there");
    }

    private static boolean showsTrouble(Event look) {
        return switch (look.text("kind")) {
            case "db-status" -> look.number("blocked", 0) > 0;
            case "db-slowlog" -> look.number("statements", 0) > 0;
            case "db-locks" -> look.number("waiting", 0) > 0;
            case "net-stats" -> look.number("recentResets", 0) + look.number("recentDrops", 0)
                    + look.number("recentRefused", 0) + look.number("recentDelayed", 0) > 0;
            default -> false;
        };
    }
}
