package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import io.leakdrill.world.monitor.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The trainee's live terminal: a JLine prompt showing incident time and severity, with events printed above the
 * line being typed. The terminal is passed in, so tests drive it with a dumb terminal over streams.
 */
public final class InteractiveConsole {

    private final Terminal terminal;
    private final LineReader reader;
    private final Style style;
    private final Pager pager;
    private final List<String> held = new ArrayList<>();
    private boolean paging;
    // Completion needs the running drill's commands, which exist only once the drill is up.
    private volatile Completer completer = (reader, line, candidates) -> { };

    private InteractiveConsole(Terminal terminal, Path historyFile, Map<String, String> env) {
        this.terminal = terminal;
        this.style = Style.of(terminal, env);
        this.pager = new Pager(terminal);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("leakdrill")
                .completer((reader, line, candidates) -> completer.complete(reader, line, candidates))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .build();
    }

    /**
     * Sets up the line editor and loads the history, which takes a few hundred ms: done while the drill starts, it
     * does not delay the first prompt.
     */
    public static InteractiveConsole prepare(Terminal terminal, Path historyFile, Map<String, String> env) {
        return new InteractiveConsole(terminal, historyFile, env);
    }

    /** How this terminal shows colour and Unicode. */
    public Style style() {
        return style;
    }

    /** Runs the drill at the prompt until it ends; returns how it ended ("resolve", "quit"). */
    public String run(Drill drill) {
        DrillSession session = new DrillSession(drill, style, this::confirm, this::progress, terminal::getWidth);
        Dispatcher dispatcher = Commands.dispatcher(session);
        completer = new CommandCompleter(dispatcher, session);
        drill.setSink((tone, line) -> show(drill, style.tone(tone, line)));
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
            print(result.text());
            if (result.endReason() != null) {
                return result.endReason();
            }
        }
    }

    private void print(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (pager.needed(text)) {
            synchronized (held) {
                paging = true;
            }
            try {
                pager.page(text);
                return;
            } catch (IOException | InterruptedException | RuntimeException e) {
                // A pager that fails must not cost the trainee the output: it prints in full below.
                Thread.interrupted();
            } finally {
                List<String> missed;
                synchronized (held) {
                    paging = false;
                    missed = List.copyOf(held);
                    held.clear();
                }
                missed.forEach(reader::printAbove);
            }
        }
        terminal.writer().println(text);
        terminal.writer().flush();
    }

    // Redrawn in place: a carriage return, the text, and the rest of the line cleared.
    private void progress(String text) {
        if (!Style.drawable(terminal)) {
            return;
        }
        terminal.puts(InfoCmp.Capability.carriage_return);
        terminal.writer().print(style.dim(text));
        terminal.puts(InfoCmp.Capability.clr_eol);
        if (text.isEmpty()) {
            terminal.puts(InfoCmp.Capability.carriage_return);
        }
        terminal.flush();
    }

    // While the pager has the screen, events wait; printed into it they would scramble the page.
    private void show(Drill drill, String line) {
        synchronized (held) {
            if (paging) {
                held.add(line);
                return;
            }
        }
        // The prompt being edited shows the time and severity of when it was drawn; an event brings it up to date.
        if (reader instanceof LineReaderImpl editor) {
            editor.setPrompt(Prompt.of(drill, style));
        }
        reader.printAbove(line);
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

    /**
     * The postmortem's questions, asked at a prompt of their own: answers are prose and stay out of the command
     * history, and Tab offers the metrics an alert rule can watch. Ctrl-D or Ctrl-C ends the postmortem.
     */
    public Postmortem.Conversation conversation() {
        LineReader asker = LineReaderBuilder.builder().terminal(terminal)
                .completer(new StringsCompleter(Arrays.stream(Metric.values()).map(Metric::id).toList())).build();
        return new Postmortem.Conversation() {
            @Override
            public void say(String text) {
                terminal.writer().println(text);
                terminal.writer().flush();
            }

            @Override
            public Optional<String> ask(String prompt) {
                try {
                    return Optional.of(asker.readLine(prompt));
                } catch (EndOfFileException | UserInterruptException e) {
                    return Optional.empty();
                }
            }
        };
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
