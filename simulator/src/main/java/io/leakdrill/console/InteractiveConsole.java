package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The trainee's live terminal: a JLine prompt showing incident time and severity, with events printed above the
 * line being typed. The terminal is passed in, so tests drive it with a dumb terminal over streams.
 */
public final class InteractiveConsole {

    private final Drill drill;
    private final Terminal terminal;
    private final Path historyFile;
    private final Style style;

    public InteractiveConsole(Drill drill, Terminal terminal, Path historyFile, Map<String, String> env) {
        this.drill = drill;
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.style = Style.of(terminal, env);
    }

    public String run() {
        DrillSession session = new DrillSession(drill, style, this::confirm);
        Dispatcher dispatcher = Commands.dispatcher(session);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("leakdrill")
                .completer(new CommandCompleter(dispatcher, session))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .build();
        drill.setSink((tone, line) -> reader.printAbove(style.tone(tone, line)));
        while (true) {
            String line;
            try {
                drill.promptShown();
                line = reader.readLine(Prompt.of(drill, style));
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                if (session.confirmEnd()) {
                    return "quit";
                }
                continue;
            }
            Command.Result result = executeCancellable(dispatcher, line);
            if (!result.text().isEmpty()) {
                terminal.writer().println(result.text());
                terminal.writer().flush();
            }
            if (result.endReason() != null) {
                return result.endReason();
            }
        }
    }

    // Outside readLine a terminal's Ctrl-C would end the JVM, and the drill with it, ungraded. While a command runs
    // it interrupts the command instead (a long wait, a heap dump), and the console goes on.
    private Command.Result executeCancellable(Dispatcher dispatcher, String line) {
        Thread console = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> console.interrupt());
        try {
            return dispatcher.execute(line);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted();
        }
    }

    // Ending a drill cannot be undone and Ctrl-D is easy to hit by accident. The question has a reader of its own,
    // so that its answer stays out of the command history.
    private boolean confirm(String question) {
        LineReader asker = LineReaderBuilder.builder().terminal(terminal).build();
        try {
            return asker.readLine(question).strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (EndOfFileException e) {
            return true;
        } catch (UserInterruptException e) {
            return false;
        }
    }
}
