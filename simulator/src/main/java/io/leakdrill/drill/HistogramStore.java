package io.leakdrill.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The class histograms the trainee has taken, by id (H1, H2, ...), for diffs between any two. */
public final class HistogramStore {

    /** One class's live instances and bytes. */
    public record Entry(long instances, long bytes) {
    }

    /** A histogram as taken: when, from which CRM process, and its rows by class name. */
    public record Histogram(String id, double atSeconds, String clock, long pid, Map<String, Entry> rows) {

        /**
         * What each class whose name holds {@code only} gained since {@code earlier} (negative when it shrank), the
         * most bytes first; a class gone since then is not listed.
         */
        public List<Growth> growthSince(Histogram earlier, String only) {
            List<Growth> growth = new ArrayList<>();
            for (Map.Entry<String, Entry> row : rows.entrySet()) {
                if (row.getKey().contains(only)) {
                    Entry before = earlier.rows().getOrDefault(row.getKey(), new Entry(0, 0));
                    growth.add(new Growth(row.getKey(), row.getValue().instances() - before.instances(),
                            row.getValue().bytes() - before.bytes()));
                }
            }
            growth.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
            return growth;
        }
    }

    /** What one class gained between two histograms. */
    public record Growth(String className, long instances, long bytes) {
    }

    // `h2` and a bare `2` name H2 too: no class name is only digits, and `heap diff 1 2` is what people type.
    private static final Pattern ID = Pattern.compile("[Hh]?(\\d+)");

    private final List<Histogram> taken = new ArrayList<>();

    public synchronized Histogram add(double atSeconds, String clock, long pid, Map<String, Entry> rows) {
        Histogram h = new Histogram("H" + (taken.size() + 1), atSeconds, clock, pid, new LinkedHashMap<>(rows));
        taken.add(h);
        return h;
    }

    /** Whether a word names a histogram (H2, h2 or 2), rather than part of a class name. */
    public static boolean isId(String word) {
        return ID.matcher(word).matches();
    }

    public synchronized Optional<Histogram> byId(String id) {
        var m = ID.matcher(id);
        return m.matches() ? taken.stream().filter(h -> h.id().equals("H" + m.group(1))).findFirst()
                : Optional.empty();
    }

    public synchronized List<Histogram> all() {
        return List.copyOf(taken);
    }
}
