package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/**
 * The trainee's live terminal: a JLine prompt showing incident time and severity, with events printed above the
 * line being typed. The terminal is passed in, so tests drive it with a dumb terminal over streams.
 */
public final class InteractiveConsole {

    private final Drill drill;
    private final Terminal terminal;

    public InteractiveConsole(Drill drill, Terminal terminal) {
        this.drill = drill;
        this.terminal = terminal;
    }

    public String run() {
        Dispatcher dispatcher = Commands.dispatcher(new DrillSession(drill));
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("leakdrill")
                .completer(new StringsCompleter(dispatcher.commands().stream().map(Command::name).toList()))
                .build();
        drill.setSink(line -> reader.printAbove(line));
        while (true) {
            String line;
            try {
                line = reader.readLine(Prompt.of(drill));
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return "quit";
            }
            Command.Result result = dispatcher.execute(line);
            if (!result.text().isEmpty()) {
                terminal.writer().println(result.text());
                terminal.writer().flush();
            }
            if (result.endReason() != null) {
                return result.endReason();
            }
        }
    }
}
