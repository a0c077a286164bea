package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Runs a drill headless from a script (or from stdin that is not a terminal): one command per line, echoing each
 * with the prompt, so a run reads like a terminal session. The lines after `resolve` answer the postmortem.
 */
public final class ScriptConsole {

    private final Drill drill;
    private final PrintWriter out;
    private final BufferedReader script;

    public ScriptConsole(Drill drill, PrintWriter out, BufferedReader script) {
        this.drill = drill;
        this.out = out;
        this.script = script;
    }

    /** Runs the script's commands until one ends the drill or the script ends; returns how the drill ended. */
    public String run() throws IOException {
        drill.setSink((tone, line) -> say("  >> " + line));
        Dispatcher dispatcher = Commands.dispatcher(new DrillSession(drill));
        String line;
        while ((line = script.readLine()) != null) {
            if (line.isBlank() || comment(line)) {
                continue;
            }
            drill.promptShown();
            say(Prompt.of(drill) + line.strip());
            Command.Result result = dispatcher.execute(line);
            if (!result.text().isEmpty()) {
                say(result.text());
            }
            if (result.endReason() != null) {
                return result.endReason();
            }
        }
        return "script-end";
    }

    /**
     * The postmortem reads the script's next lines as answers, echoed after their prompt. An empty line is an answer
     * (it skips a question); comments are still comments.
     */
    public Postmortem.Conversation conversation() {
        return new Postmortem.Conversation() {
            @Override
            public void say(String text) {
                ScriptConsole.this.say(text);
            }

            @Override
            public Optional<String> ask(String prompt) {
                try {
                    String line;
                    do {
                        line = script.readLine();
                    } while (line != null && comment(line));
                    if (line != null) {
                        say((prompt + line.strip()).stripTrailing());
                    }
                    return Optional.ofNullable(line);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read the script", e);
                }
            }
        };
    }

    private static boolean comment(String line) {
        return line.strip().startsWith("#");
    }

    private void say(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
