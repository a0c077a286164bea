package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Evidence: the GC trend seen at two moments apart, a histogram diff, the path to GC roots (or a heap dump), and the
 * OutOfMemoryError's type read from the log when there was one; each counts half when first seen only after a
 * restart or deploy had thrown the leaking JVM away.
 */
final class EvidenceRule implements CategoryRule {

    private static final double GC_SHARE = 0.3;
    private static final double DIFF_SHARE = 0.3;
    private static final double ROOTS_SHARE = 0.25;
    private static final double OOM_SHARE = 0.15;
    // Two looks at the GC table this far apart show a floor's trend, not a moment.
    private static final double TREND_SECONDS = 5 * 60;

    @Override
    public String category() {
        return "evidence";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        EventLog log = drill.log();
        Optional<Event> action = log.firstAction();
        Optional<Event> oom = log.first(e -> e.is("crm") && "oom".equals(e.text("state")));
        // Without an OutOfMemoryError there is no type to read: the other parts share its points.
        double scale = oom.isPresent() ? 1 : 1 / (1 - OOM_SHARE);
        List<Finding> findings = new ArrayList<>();
        findings.add(gcTrend(log, action, weight * GC_SHARE * scale));
        findings.add(part(log, action, e -> "histogram-diff".equals(e.text("kind")), "histogram diff",
                weight * DIFF_SHARE * scale));
        findings.add(part(log, action, e -> "roots".equals(e.text("kind")) && e.number("paths", 0) > 0
                || "heap-dump".equals(e.text("kind")), "path to GC roots (or heap dump)",
                weight * ROOTS_SHARE * scale));
        oom.ifPresent(error -> findings.add(oomType(log, error, weight * OOM_SHARE)));
        return findings;
    }

    private static Finding gcTrend(EventLog log, Optional<Event> action, double share) {
        List<Event> looks = log.all().stream().filter(e -> e.is("evidence") && "gc".equals(e.text("kind"))).toList();
        if (looks.isEmpty()) {
            return Finding.of(0, "never looked at the GC trend (gc)");
        }
        Event first = looks.get(0);
        Optional<Event> later = looks.stream().filter(e -> e.at() - first.at() >= TREND_SECONDS).findFirst();
        // One table can show the trend by itself once its rows span the 5 minutes.
        Optional<Event> spanning = looks.stream()
                .filter(e -> e.number("trendMinutes", 0) * 60 >= TREND_SECONDS).findFirst();
        if (later.isEmpty() && spanning.isEmpty()) {
            return Finding.of(0, "GC table seen over less than " + Decimals.elapsed(TREND_SECONDS)
                    + ", too short for a trend: look again later", first);
        }
        String seen = later.isPresent() ? "GC trend seen at two moments " + Decimals.elapsed(later.get().at()
                - first.at()) + " apart" : "GC trend seen in one table spanning "
                + Decimals.compact(spanning.get().number("trendMinutes", 0)) + " min";
        Event seenFirst = later.isPresent() ? first : spanning.get();
        if (action.isPresent() && !seenFirst.before(action.get())) {
            return Finding.of(share / 2, seen + ", first only after the " + action.get().type()
                    + " reset the heap (half)", action.get(), seenFirst, later.orElse(null));
        }
        return Finding.of(share, seen, seenFirst, later.orElse(null));
    }

    private static Finding part(EventLog log, Optional<Event> action, Predicate<Event> kind, String label,
            double share) {
        Optional<Event> seen = log.first(e -> e.is("evidence") && kind.test(e));
        if (seen.isEmpty()) {
            return Finding.of(0, "never looked at a " + label);
        }
        if (action.isEmpty() || seen.get().before(action.get())) {
            return Finding.of(share, label + " seen before acting", seen.get());
        }
        // A restart throws away the leaking heap, so evidence gathered afterwards shows less.
        return Finding.of(share / 2, label + " seen only after the " + action.get().type()
                + " reset the heap (half)", action.get(), seen.get());
    }

    private static Finding oomType(EventLog log, Event error, double share) {
        Optional<Event> read = log.firstAfter(error, e -> e.is("evidence") && "logs".equals(e.text("kind"))
                && e.number("outOfMemoryLines", 0) > 0);
        return read.map(r -> Finding.of(share, "read the OutOfMemoryError's type in the CRM's log", error, r))
                .orElseGet(() -> Finding.of(0, "the CRM ran out of memory but its log's OutOfMemoryError (heap, "
                        + "Metaspace or direct buffer) was never read (logs --grep OutOfMemoryError)", error));
    }
}
