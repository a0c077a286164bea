package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drill told as a postmortem timeline: what happened to the system and what the trainee did, one row per moment.
 * Decoys, hidden during the drill, are named here, as a postmortem would.
 */
final class DebriefTimeline {

    /** One row: the incident clock time, what happened around the trainee, and what the trainee did. */
    record Row(String clock, String incident, String response) {
    }

    private static final int QUOTE = 160;

    private DebriefTimeline() {
    }

    static List<Row> of(EventLog log) {
        List<Row> rows = new ArrayList<>();
        List<String> looks = new ArrayList<>();
        String looksAt = "";
        for (Event event : log.all()) {
            if (event.is("evidence")) {
                if (looks.isEmpty()) {
                    looksAt = event.clock();
                }
                String ref = event.text("ref");
                looks.add(event.text("kind") + (ref.isEmpty() ? "" : " [" + ref + "]"));
                continue;
            }
            String incident = incident(event);
            String response = response(event);
            if (incident.isEmpty() && response.isEmpty()) {
                continue;
            }
            // A run of looks reads as one step of the investigation, not a row per command.
            if (!looks.isEmpty()) {
                rows.add(new Row(looksAt, "", "Looked at " + String.join(", ", looks)));
                looks.clear();
            }
            rows.add(new Row(event.clock(), incident, response));
        }
        if (!looks.isEmpty()) {
            rows.add(new Row(looksAt, "", "Looked at " + String.join(", ", looks)));
        }
        return rows;
    }

    private static String incident(Event event) {
        return switch (event.type()) {
            case "alert" -> "firing".equals(event.text("state"))
                    ? "Alert " + event.text("alert") + " fires (" + event.text("severity") + "): "
                            + event.text("summary")
                    : "Alert " + event.text("alert") + " clears";
            case "story" -> capitalised(event.text("kind")) + " from " + event.text("from") + ": \""
                    + quote(event.text("text")) + "\"";
            case "decoy" -> "begun".equals(event.text("state"))
                    ? "Decoy (not the cause): " + event.text("decoy") + ", a real " + event.text("kind")
                            + " fault, begins"
                    : "Decoy " + event.text("decoy") + " ends";
            case "crm" -> "oom".equals(event.text("state"))
                    ? "The CRM reports OutOfMemoryError" + detail(event.text("detail"))
                    : "The CRM process exits (code " + (long) event.number("exitCode", -1) + ")"
                            + detail(event.text("detail"));
            case "exhausted" -> String.format(Locale.ROOT, "The leak has filled the %s (%.0f%% of its limit)",
                    event.text("area"), event.number("ratio", 0) * 100);
            case "restart" -> "autorestart".equals(event.text("reason"))
                    ? "The restart watchdog restarts the CRM (" + event.text("rule") + ")" : "";
            default -> "";
        };
    }

    private static String response(Event event) {
        return switch (event.type()) {
            case "ack" -> "Acknowledged " + String.join(", ", Fields.strings(event.json(), "alerts"));
            case "severity" -> "Declared " + event.text("severity");
            case "update" -> "Update: \"" + quote(event.text("text")) + "\"";
            case "page" -> "Paged " + event.text("team");
            case "escalate" -> "Escalated to " + event.text("team") + ": \"" + quote(event.text("text")) + "\"";
            case "hypothesis" -> "Hypothesis: \"" + quote(event.text("text")) + "\"";
            case "rule-out" -> "Ruled out " + event.text("suspect")
                    + (event.text("reason").isEmpty() ? "" : ": \"" + quote(event.text("reason")) + "\"");
            case "diagnose" -> "Diagnosed " + event.text("component")
                    + (event.text("pattern").isEmpty() ? "" : " (" + event.text("pattern") + ")")
                    + (Fields.strings(event.json(), "cites").isEmpty() ? ""
                            : " citing " + String.join(", ", Fields.strings(event.json(), "cites")));
            case "deploy" -> "Deployed " + event.text("patch") + " (" + event.text("kind") + ")";
            case "rollback" -> "Rolled back " + event.text("patch");
            case "config" -> "Set " + event.text("key") + " to " + event.text("value") + " for the next start";
            case "autorestart" -> "Turned the restart watchdog " + event.text("state")
                    + (event.text("rule").isEmpty() ? "" : " (" + event.text("rule") + ")");
            case "restart" -> "trainee".equals(event.text("reason")) ? "Restarted the CRM" : "";
            case "hint" -> "Took hint " + (long) event.number("number", 0);
            case "note" -> "Note: \"" + quote(event.text("text")) + "\"";
            case "end" -> "resolve".equals(event.text("reason")) ? "Resolved the incident"
                    : "Ended the drill (" + event.text("reason") + ")";
            default -> "";
        };
    }

    private static String detail(String detail) {
        return detail.isEmpty() ? "" : ": " + quote(detail);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? "Message" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String quote(String text) {
        String line = text.replace('\n', ' ').strip();
        return line.length() <= QUOTE ? line : line.substring(0, QUOTE - 3).stripTrailing() + "...";
    }
}
