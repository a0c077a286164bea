package io.leakdrill.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The class histograms the trainee has taken, by id (H1, H2, ...), for diffs between any two. */
public final class HistogramStore {

    /** One class's live instances and bytes. */
    public record Entry(long instances, long bytes) {
    }

    /** A histogram as taken: when, from which CRM process, and its rows by class name. */
    public record Histogram(String id, double atSeconds, String clock, long pid, Map<String, Entry> rows) {
    }

    private final List<Histogram> taken = new ArrayList<>();

    public synchronized Histogram add(double atSeconds, String clock, long pid, Map<String, Entry> rows) {
        Histogram h = new Histogram("H" + (taken.size() + 1), atSeconds, clock, pid, new LinkedHashMap<>(rows));
        taken.add(h);
        return h;
    }

    public synchronized Optional<Histogram> byId(String id) {
        return taken.stream().filter(h -> h.id().equalsIgnoreCase(id)).findFirst();
    }

    public synchronized List<Histogram> all() {
        return List.copyOf(taken);
    }
}
