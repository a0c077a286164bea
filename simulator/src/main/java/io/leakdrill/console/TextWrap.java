package io.leakdrill.console;

import java.util.ArrayList;
import java.util.List;

/** Wraps text at word boundaries to a width, with a hanging indent: how lists and tables fit a narrow terminal. */
public final class TextWrap {

    private TextWrap() {
    }

    /**
     * The text's words in lines no wider than {@code width} (a word longer than that gets a line of its own): the
     * first line starts with {@code firstPrefix}, the others with {@code indent}.
     */
    public static List<String> hanging(String text, String firstPrefix, String indent, int width) {
        List<String> lines = new ArrayList<>();
        String prefix = firstPrefix;
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.strip().split(" +")) {
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                prefix = indent;
                line = new StringBuilder(prefix);
            }
            if (line.length() > prefix.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
