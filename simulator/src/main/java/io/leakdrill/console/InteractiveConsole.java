package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import java.nio.file.Path;
import java.util.Locale;
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

    public InteractiveConsole(Drill drill, Terminal terminal, Path historyFile) {
        this.drill = drill;
        this.terminal = terminal;
        this.historyFile = historyFile;
    }

    public String run() {
        DrillSession session = new DrillSession(drill);
        Dispatcher dispatcher = Commands.dispatcher(session);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("leakdrill")
                .completer(new CommandCompleter(dispatcher, session))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .build();
        drill.setSink(line -> reader.printAbove(line));
        while (true) {
            String line;
            try {
                line = reader.readLine(Prompt.of(drill));
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                if (confirmsQuit()) {
                    return "quit";
                }
                continue;
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

    // Ctrl-D is easy to hit by accident, and ending a drill cannot be undone. The question has a reader of its own,
    // so that its answer stays out of the command history.
    private boolean confirmsQuit() {
        LineReader question = LineReaderBuilder.builder().terminal(terminal).build();
        try {
            return question.readLine("End the drill now? It is graded as it stands. [y/N] ").strip()
                    .toLowerCase(Locale.ROOT).startsWith("y");
        } catch (EndOfFileException e) {
            return true;
        } catch (UserInterruptException e) {
            return false;
        }
    }
}
