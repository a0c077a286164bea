package io.leakdrill.grader;

import java.util.List;
import java.util.Locale;

/** Renders a scorecard as plain ASCII text for a terminal, at most 100 columns wide. */
public final class ScorecardText {

    static final int WIDTH = 100;
    private static final String CATEGORY_INDENT = " ".repeat(29);
    private static final String PENALTY_INDENT = " ".repeat(9);

    private ScorecardText() {
    }

    public static String render(Scorecard card) {
        StringBuilder out = new StringBuilder();
        out.append("Leak Drill scorecard - ").append(card.scenarioTitle()).append(" (").append(card.scenarioId())
                .append(")");
        card.seed().ifPresent(seed -> out.append(", seed ").append(seed));
        out.append(", trainee ").append(card.trainee()).append('\n');
        out.append("Score ").append(card.total()).append(" / ").append(card.max()).append("  (")
                .append(card.level()).append(")\n");
        if (!card.complete()) {
            out.append("INCOMPLETE transcript: the drill did not reach its end; graded what was recorded.\n");
        }
        out.append('\n');
        for (CategoryScore category : card.categories()) {
            category(out, category);
        }
        out.append('\n');
        penalties(out, card.penalties());
        out.append('\n');
        times(out, card.times());
        return PlainAscii.of(out.toString());
    }

    private static void category(StringBuilder out, CategoryScore category) {
        List<Finding> findings = category.findings();
        boolean itemised = findings.size() > 1;
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            String prefix = i > 0 ? CATEGORY_INDENT : String.format(Locale.ROOT, "  %-13s %5s / %-3s  ",
                    category.label(), Decimals.points(category.points()), Decimals.compact(category.max()));
            String reason = itemised ? Decimals.signedPoints(finding.points()) + " " + finding.reason()
                    : finding.reason();
            lines(out, prefix, CATEGORY_INDENT, reason, finding.events());
        }
    }

    private static void penalties(StringBuilder out, List<Finding> penalties) {
        double taken = penalties.stream().mapToDouble(Finding::points).sum();
        out.append("Penalties");
        if (penalties.isEmpty()) {
            out.append("  none\n");
            return;
        }
        out.append("  ").append(Decimals.points(taken)).append(" (capped at ")
                .append(Decimals.compact(Penalties.CAP)).append(")\n");
        for (Finding penalty : penalties) {
            String prefix = String.format(Locale.ROOT, "  %5s  ", Decimals.signedPoints(penalty.points()));
            lines(out, prefix, PENALTY_INDENT, penalty.reason(), penalty.events());
        }
    }

    private static void times(StringBuilder out, List<TimeMetric> times) {
        boolean original = times.stream().anyMatch(t -> t.originalMinutes().isPresent());
        out.append(String.format(Locale.ROOT, "%-20s%-24s%-24s%-11s%s", "Times", "actual", "target", "",
                original ? "real incident" : "").stripTrailing()).append('\n');
        for (TimeMetric time : times) {
            String actual = time.reached()
                    ? Decimals.points(time.minutes().getAsDouble()) + " min at " + time.reachedAt().orElse("")
                    : "not reached";
            String target = Decimals.compact(time.targetMinutes()) + " min"
                    + time.dueBy().map(due -> " by " + due).orElse("");
            String status = !time.reached() ? "" : time.onTarget() ? "on target" : "late";
            String then = time.originalMinutes().isPresent()
                    ? Decimals.compact(time.originalMinutes().getAsDouble()) + " min" : "";
            out.append(String.format(Locale.ROOT, "  %-18s%-24s%-24s%-11s%s", time.name(), actual, target, status,
                    then).stripTrailing()).append('\n');
        }
    }

    private static void lines(StringBuilder out, String prefix, String indent, String reason, List<EventRef> events) {
        List<String> wrapped = LineWrapper.wrap(reason, events, WIDTH - indent.length());
        for (int i = 0; i < wrapped.size(); i++) {
            out.append(i == 0 ? prefix : indent).append(wrapped.get(i)).append('\n');
        }
    }
}
