package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fits a reason and its citation block into a column of fixed width. The block follows the reason when it fits
 * and otherwise gets a line of its own, so a list of citations is only split when it alone is too wide.
 */
final class LineWrapper {

    private static final String CITE_GAP = "   ";

    private LineWrapper() {
    }

    static List<String> wrap(String reason, List<EventRef> events, int width) {
        List<String> lines = words(List.of(reason.split(" ")), " ", width);
        if (events.isEmpty()) {
            return lines;
        }
        String block = events.stream().map(EventRef::toString).collect(Collectors.joining(", ", "[", "]"));
        int last = lines.size() - 1;
        if (lines.get(last).length() + CITE_GAP.length() + block.length() <= width) {
            lines.set(last, lines.get(last) + CITE_GAP + block);
            return lines;
        }
        List<String> cites = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            cites.add((i == 0 ? "[" : "") + events.get(i) + (i == events.size() - 1 ? "]" : ","));
        }
        lines.addAll(words(cites, " ", width));
        return lines;
    }

    private static List<String> words(List<String> words, String gap, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + gap.length() + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(gap);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
