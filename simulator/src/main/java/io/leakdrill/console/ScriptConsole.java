package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Runs a drill headless from a script (or from stdin that is not a terminal): one command per line, echoing each
 * with the prompt, so a run reads like a terminal session. Returns how the drill ended.
 */
public final class ScriptConsole {

    private final Drill drill;
    private final PrintWriter out;

    public ScriptConsole(Drill drill, PrintWriter out) {
        this.drill = drill;
        this.out = out;
    }

    public String run(BufferedReader script) throws IOException {
        drill.setSink((tone, line) -> {
            synchronized (out) {
                out.println("  >> " + line);
                out.flush();
            }
        });
        Dispatcher dispatcher = Commands.dispatcher(new DrillSession(drill));
        String line;
        while ((line = script.readLine()) != null) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Command.Result result;
            drill.promptShown();
            synchronized (out) {
                out.println(Prompt.of(drill) + line.strip());
                out.flush();
            }
            result = dispatcher.execute(line);
            synchronized (out) {
                if (!result.text().isEmpty()) {
                    out.println(result.text());
                }
                out.flush();
            }
            if (result.endReason() != null) {
                return result.endReason();
            }
        }
        return "script-end";
    }
}
