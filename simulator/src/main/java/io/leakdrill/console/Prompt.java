package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import io.leakdrill.world.monitor.Alert;

/**
 * The prompt line: incident time and severity, e.g. {@code [16:02 SEV2] crm> }. The severity is the one the trainee
 * declared; until they do, the worst firing alert's, or "ok".
 */
public final class Prompt {

    private Prompt() {
    }

    public static String of(Drill drill) {
        return of(drill, Style.PLAIN);
    }

    public static String of(Drill drill, Style style) {
        String severity = drill.happenings().latest("severity").map(h -> h.text("severity"))
                .orElseGet(() -> drill.alerts().firing().stream().map(Alert::rule).map(r -> r.severity()).sorted()
                        .findFirst().orElse("ok"));
        return "[" + drill.clock().clockText() + " " + style.severity(severity) + "] crm> ";
    }
}
