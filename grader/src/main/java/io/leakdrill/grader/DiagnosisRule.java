package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Diagnosis in layers: the memory area, the leak's pattern, the leaking component and the structure that holds it.
 * A layer counts only if the trainee had seen evidence that supports it before claiming it, and each wrong component
 * named before the right one costs, so naming every component in turn cannot win.
 */
final class DiagnosisRule implements CategoryRule {

    private static final double AREA = 0.2;
    private static final double PATTERN = 0.25;
    private static final double COMPONENT = 0.35;
    private static final double STRUCTURE = 0.2;
    private static final double WRONG_SHARE = 1.0 / 5;

    @Override
    public String category() {
        return "diagnosis";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        AnswerKey key = drill.key();
        List<Event> diagnoses = drill.log().ofType("diagnose");
        if (diagnoses.isEmpty()) {
            return List.of(Finding.of(0, "never named a leaking component (diagnose)"));
        }
        Optional<Event> right = drill.rightDiagnosis();
        // Transcripts from before the header named the leak's pattern grade the component for both layers.
        boolean patterned = !key.pattern().isEmpty();
        List<Finding> findings = new ArrayList<>();
        findings.add(area(drill, diagnoses, weight * AREA));
        if (patterned) {
            findings.add(pattern(drill, diagnoses, weight * PATTERN));
        }
        findings.add(component(drill, right, diagnoses, weight * (patterned ? COMPONENT : COMPONENT + PATTERN)));
        findings.add(structure(drill, right, weight * STRUCTURE));

        double earned = findings.stream().mapToDouble(Finding::points).sum();
        for (Event wrong : diagnoses) {
            if (right.isPresent() && !wrong.before(right.get())) {
                break;
            }
            if (key.isLeakingComponent(wrong.text("component"))) {
                continue;
            }
            // Each wrong call is charged only what is left, so the category never goes below zero.
            double cost = Math.min(earned, weight * WRONG_SHARE);
            earned -= cost;
            findings.add(Finding.of(-cost, "named " + wrong.text("component") + ", which does not leak"
                    + (cost < weight * WRONG_SHARE ? " (charge capped at zero)" : ""), wrong));
        }
        return findings;
    }

    private static Finding area(Drill drill, List<Event> diagnoses, double share) {
        AnswerKey key = drill.key();
        String area = key.area().id();
        Optional<Event> claim = diagnoses.stream().filter(e -> key.isLeakingComponent(e.text("component"))
                || key.areaOf(e.text("component")).filter(a -> a == key.area()).isPresent()).findFirst();
        if (claim.isEmpty()) {
            return Finding.of(0, "never named a component that fills the " + area, diagnoses.get(0));
        }
        Set<String> kinds = switch (key.area()) {
            case HEAP -> Set.of("gc", "histogram", "histogram-diff", "memory", "roots");
            case METASPACE -> Set.of("gc", "memory");
            case NATIVE -> Set.of("memory", "top");
        };
        Optional<Event> seen = seenBefore(drill, claim.get(), e -> kinds.contains(e.text("kind")));
        if (seen.isEmpty()) {
            return Finding.of(0, "placed the leak in the " + area + " before looking at it (" + String.join(", ",
                    kinds.stream().sorted().toList()) + ")", claim.get());
        }
        return Finding.of(share, "placed the leak in the " + area + " after seeing " + seen.get().text("kind"),
                seen.get(), claim.get());
    }

    private static Finding pattern(Drill drill, List<Event> diagnoses, double share) {
        AnswerKey key = drill.key();
        Optional<Event> named = diagnoses.stream().filter(e -> !e.text("pattern").isEmpty()).findFirst();
        if (named.isEmpty()) {
            return Finding.of(0, "never named the leak's pattern (diagnose COMPONENT --pattern PATTERN)");
        }
        Optional<Event> claim = diagnoses.stream().filter(e -> key.pattern().equals(e.text("pattern"))).findFirst();
        if (claim.isEmpty()) {
            return Finding.of(0, "named the pattern " + named.get().text("pattern") + "; the leak is another shape",
                    named.get());
        }
        // What holds the objects (a path to GC roots) or how they pile up (a diff) shows a leak's shape.
        Optional<Event> seen = seenBefore(drill, claim.get(),
                e -> e.text("kind").equals("roots") || e.text("kind").equals("histogram-diff"));
        if (seen.isEmpty()) {
            return Finding.of(0, "named the pattern " + key.pattern() + " before any diff or GC-root path showed it",
                    claim.get());
        }
        return Finding.of(share, "named the pattern " + key.pattern() + " after the " + seen.get().text("kind")
                + " showed it", seen.get(), claim.get());
    }

    private static Finding component(Drill drill, Optional<Event> right, List<Event> diagnoses, double share) {
        AnswerKey key = drill.key();
        if (right.isEmpty()) {
            return Finding.of(0, "never named the leaking component; named " + String.join(", ", diagnoses.stream()
                    .map(e -> e.text("component")).distinct().toList()) + " instead",
                    diagnoses.toArray(Event[]::new));
        }
        String component = right.get().text("component");
        Optional<Event> seen = seenBefore(drill, right.get(), key::pointedAtBy);
        if (seen.isEmpty()) {
            return Finding.of(0, "named " + component + " before any evidence pointed at it: a guess ("
                    + (key.leakClass().isEmpty() ? "no heap histogram first"
                            : "no diff showing " + key.leakClass() + " grow, no GC-root path to it") + ")",
                    right.get());
        }
        return Finding.of(share, "named " + component + " after the " + seen.get().text("kind") + " pointed at it",
                seen.get(), right.get());
    }

    private static Finding structure(Drill drill, Optional<Event> right, double share) {
        AnswerKey key = drill.key();
        if (right.isEmpty()) {
            return Finding.of(0, "no structure holding the leak was named with the right component");
        }
        Optional<Event> path = seenBefore(drill, right.get(), e -> e.text("kind").equals("roots")
                && (key.retainedBy().isEmpty() ? e.number("paths", 0) > 0 : e.text("chain")
                        .contains(key.retainedBy())));
        if (path.isEmpty()) {
            return Finding.of(0, "never saw the GC-root path that holds the leak"
                    + (key.retainedBy().isEmpty() ? "" : " (" + key.retainedBy() + ")")
                    + " before naming the component (heap roots CLASS)", right.get());
        }
        return Finding.of(share, "traced what holds the leak to its GC root"
                + (key.retainedBy().isEmpty() ? "" : ": " + key.retainedBy()), path.get(), right.get());
    }

    private static Optional<Event> seenBefore(Drill drill, Event claim, Predicate<Event> evidence) {
        return drill.log().first(e -> e.before(claim) && e.is("evidence") && evidence.test(e));
    }
}
