package io.leakdrill.console;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one line of input: records it, finds the command, runs it, records what it printed. Nothing a trainee types
 * can escape as a stack trace; an unknown command gets the closest known one suggested.
 */
public final class Dispatcher {

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final DrillSession session;

    public Dispatcher(DrillSession session, List<Command> all) {
        this.session = session;
        all.forEach(c -> commands.put(c.name(), c));
    }

    public List<Command> commands() {
        return new ArrayList<>(commands.values());
    }

    public Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public Command.Result execute(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Command.Result.ok("");
        }
        session.takeEvidenceOfCommand();
        long seq = session.record("command", Json.createObjectBuilder().add("input", trimmed));
        Command.Result result = decorate(run(trimmed), session.takeEvidenceOfCommand());
        session.record("output", Json.createObjectBuilder().add("command", seq).add("ok", result.ok())
                .add("text", Style.plain(result.text())));
        return result;
    }

    // The evidence ids go under the output, next to the prompt, where the trainee reads last before citing them.
    private Command.Result decorate(Command.Result result, List<String> evidence) {
        Style style = session.style();
        String text = result.ok() ? result.text() : style.bad(result.text());
        if (!evidence.isEmpty()) {
            text += (text.isEmpty() ? "" : "\n") + style.dim("[evidence " + String.join(", ", evidence) + "]");
        }
        return new Command.Result(text, result.ok(), result.endReason());
    }

    private Command.Result run(String line) {
        List<String> words = CommandLine.words(line);
        if (words.isEmpty()) {
            return Command.Result.ok("");
        }
        String name = words.get(0);
        Command command = commands.get(name);
        if (command == null) {
            return Command.Result.error("unknown command '" + name + "'"
                    + Suggestions.closest(name, commands.keySet()).map(s -> "; did you mean `" + s + "`?")
                            .orElse("") + " Type `help` for the list.");
        }
        try {
            // A usage that is just the name takes nothing more: extra words are a mistake, not something to ignore.
            if (words.size() > 1 && command.usage().equals(name)) {
                throw new UsageException(name + " takes no arguments");
            }
            return command.run(words.subList(1, words.size()), session);
        } catch (UsageException e) {
            return Command.Result.error(e.getMessage() + "\nusage: " + command.usage());
        } catch (InterruptedException e) {
            // Ctrl-C: the command is cancelled, and the console goes on with a clear interrupt flag.
            return Command.Result.error(name + ": cancelled at " + session.clock());
        } catch (Exception e) {
            return Command.Result.error(name + " failed: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "the CRM did not answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "the CRM is not reachable";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
