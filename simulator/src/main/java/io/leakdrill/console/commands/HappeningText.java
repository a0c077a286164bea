package io.leakdrill.console.commands;

import io.leakdrill.console.Style;
import io.leakdrill.drill.Happenings.Happening;
import java.util.List;
import java.util.Locale;

/**
 * How `timeline`, `changes` and `tickets` word one happening: who it came from and what it says. Only fields the
 * trainee saw as it happened are shown; a crash's output tail stays in the transcript, `logs` shows the log.
 */
final class HappeningText {

    private static final String OOM = "OutOfMemoryError";
    private static final int WIDTH = 110;

    private HappeningText() {
    }

    /** Where it came from: an alert, a person's message by its kind, the CRM, or "you". */
    static String source(Happening h) {
        return switch (h.type()) {
            case "alert" -> "alert";
            case "story" -> h.text("kind");
            case "crm" -> "crm";
            case "restart" -> switch (h.text("reason")) {
                case "deploy", "rollback" -> "crm";
                case "autorestart" -> "auto";
                default -> "you";
            };
            case "autorestart" -> h.text("state").equals("failed") ? "auto" : "you";
            default -> "you";
        };
    }

    static String describe(Happening h, Style style) {
        return switch (h.type()) {
            case "alert" -> h.text("state").equals("firing")
                    ? h.text("alert") + " fired [" + style.severity(h.text("severity")) + "] " + h.text("summary")
                    : h.text("alert") + " resolved: " + h.text("summary");
            case "story" -> h.text("from") + ": " + h.text("text");
            case "crm" -> crash(h);
            case "restart" -> switch (h.text("reason")) {
                case "deploy" -> "restarted for the deploy";
                case "rollback" -> "restarted for the rollback";
                case "autorestart" -> "restarted the CRM because " + h.text("rule") + " held (" + h.text("value") + ")";
                default -> "restarted the CRM";
            } + ", new pid " + h.text("pid");
            case "deploy" -> "deployed " + h.text("patch") + " (" + h.text("kind") + ")";
            case "rollback" -> "rolled back " + h.text("patch");
            case "config" -> "set " + h.text("key") + " " + h.text("previous") + " -> " + h.text("value")
                    + " for the next start";
            case "autorestart" -> switch (h.text("state")) {
                case "on" -> "turned autorestart on: restart when " + h.text("rule");
                case "off" -> "turned autorestart off";
                default -> "autorestart could not start the CRM again";
            };
            case "ack" -> "acknowledged " + String.join(", ", h.texts("alerts"));
            case "update" -> "posted an update: " + h.text("text");
            case "severity" -> "declared " + style.severity(h.text("severity"));
            case "escalate" -> "escalated to " + h.text("team") + ": " + h.text("text");
            case "page" -> "paged " + h.text("team");
            case "note" -> "note: " + h.text("text");
            case "hypothesis" -> "hypothesis: " + h.text("text");
            case "rule-out" -> "ruled out " + h.text("suspect") + (h.text("reason").isEmpty() ? ""
                    : " because " + h.text("reason"));
            case "diagnose" -> "diagnosed " + h.text("component") + (h.text("pattern").isEmpty() ? ""
                    : " (" + h.text("pattern") + ")") + cites(h.texts("cites"));
            default -> h.type();
        };
    }

    // The error type of an OutOfMemoryError line (heap space, Metaspace, Direct buffer memory), without the rest.
    private static String crash(Happening h) {
        if (h.text("state").equals("oom")) {
            String line = h.text("detail");
            int at = line.indexOf(OOM);
            return "logged " + (at < 0 ? OOM : line.substring(at).strip());
        }
        return "process exited with code " + h.text("exitCode");
    }

    private static String cites(List<String> ids) {
        return ids.isEmpty() ? "" : " citing " + String.join(", ", ids);
    }

    /** Time, source and what happened, wrapped under its own column so long messages stay readable. */
    static String line(Happening h, Style style) {
        String head = String.format(Locale.ROOT, "%s  %-7s ", h.clock(), source(h));
        return head + wrap(describe(h, style), WIDTH - head.length(), " ".repeat(head.length()));
    }

    // Measured without colour codes, which take no room on the screen.
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (String word : text.split(" ")) {
            int length = Style.plain(word).length();
            if (used > 0 && used + 1 + length > width) {
                out.append('\n').append(indent);
                used = 0;
            } else if (used > 0) {
                out.append(' ');
                used++;
            }
            out.append(word);
            used += length;
        }
        return out.toString();
    }
}
