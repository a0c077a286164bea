package io.leakdrill.console.commands;

import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence ids (E12) cited in what the trainee typed, checked against the ids this drill gave out: a claim that
 * cites evidence nobody saw would be graded as if it were backed.
 */
final class Citations {

    private static final Pattern ID = Pattern.compile("\\b[Ee]\\d+\\b");

    private Citations() {
    }

    /** Whether a word is an evidence id, as `diagnose` takes them after its other words. */
    static boolean isId(String word) {
        return word.matches("[Ee]\\d+");
    }

    /** The evidence ids cited anywhere in {@code text}, each once, in the order written. */
    static List<String> in(String text, DrillSession session) throws UsageException {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            String id = m.group().toUpperCase(Locale.ROOT);
            if (!ids.contains(id)) {
                ids.add(check(id, session));
            }
        }
        return ids;
    }

    /** The id in its usual spelling, if the drill gave it out. */
    static String check(String id, DrillSession session) throws UsageException {
        String upper = id.toUpperCase(Locale.ROOT);
        if (session.knowsEvidence(upper)) {
            return upper;
        }
        List<String> known = session.evidenceIds();
        if (known.isEmpty()) {
            throw new UsageException("no evidence " + upper + ": there is none yet. Commands that look at the system"
                    + " (status, users, gc, heap ...) give out ids like E1 under their output");
        }
        String list = known.size() <= 8 ? String.join(", ", known)
                : known.get(0) + " to " + known.get(known.size() - 1);
        throw new UsageException("no evidence " + upper + "; the evidence so far is " + list);
    }

    static JsonArrayBuilder json(List<String> ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(array::add);
        return array;
    }

    /** How a reply mentions what was cited. */
    static String mention(List<String> ids) {
        return ids.isEmpty() ? "no evidence cited" : "citing " + String.join(", ", ids);
    }
}
