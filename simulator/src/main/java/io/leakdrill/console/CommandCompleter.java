package io.leakdrill.console;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion: command names first, then whatever the command itself offers for its next word. */
public final class CommandCompleter implements Completer {

    private final Dispatcher dispatcher;
    private final DrillSession session;

    public CommandCompleter(Dispatcher dispatcher, DrillSession session) {
        this.dispatcher = dispatcher;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates(line.words().subList(0, Math.min(line.wordIndex(), line.words().size())))
                .forEach(word -> candidates.add(new Candidate(word)));
    }

    /** The words that may come next after those already typed (JLine filters them by the word being typed). */
    public List<String> candidates(List<String> typed) {
        if (typed.isEmpty()) {
            return dispatcher.commands().stream().map(Command::name).toList();
        }
        var command = dispatcher.command(typed.get(0));
        if (command.isEmpty()) {
            return List.of();
        }
        try {
            return command.get().candidates(typed.subList(1, typed.size()), session);
        } catch (Exception e) {
            // Completion must never break the line being typed: offering nothing is the safe answer.
            return List.of();
        }
    }
}
