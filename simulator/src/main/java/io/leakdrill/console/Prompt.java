package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import io.leakdrill.drill.Happenings.Happening;
import io.leakdrill.world.monitor.Alert;
import java.util.List;

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
        List<Happening> declared = drill.happenings().ofType("severity");
        String severity = !declared.isEmpty() ? declared.get(declared.size() - 1).text("severity")
                : drill.alerts().firing().stream().map(Alert::rule).map(r -> r.severity()).sorted().findFirst()
                        .orElse("ok");
        return "[" + drill.clock().clockText() + " " + style.severity(severity) + "] crm> ";
    }
}
