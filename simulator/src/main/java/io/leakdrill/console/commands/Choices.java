package io.leakdrill.console.commands;

import io.leakdrill.console.Suggestions;
import io.leakdrill.console.UsageException;
import java.util.List;

/** A word that must be one of a fixed set (a team, a suspect, a leak pattern): a typo gets a did-you-mean. */
final class Choices {

    private Choices() {
    }

    /**
     * The typed word, if it is one of {@code known}.
     *
     * @throws UsageException naming the closest known word, if any is close, and all of them
     */
    static String pick(String typed, List<String> known, String noun, String plural) throws UsageException {
        if (known.contains(typed)) {
            return typed;
        }
        throw new UsageException("no " + noun + " '" + typed + "'"
                + Suggestions.closest(typed, known).map(s -> "; did you mean " + s + "?").orElse(".")
                + " The " + plural + " are " + String.join(", ", known) + ".");
    }
}
