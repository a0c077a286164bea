package io.leakdrill.grader;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a leaderboard as plain ASCII text for a terminal, at most 100 columns wide, like a scorecard. */
public final class LeaderboardText {

    static final int WIDTH = ScorecardText.WIDTH;
    private static final String ROW = "%3s  %-12s  %-7s  %-10s  %-16s  %-12s  %-10s  ";
    private static final String SOURCE_INDENT = " ".repeat(5);
    private static final String TREND = "  %-12s  %5s  ";
    private static final String TREND_INDENT = " ".repeat(String.format(Locale.ROOT, TREND, "", "").length());
    private static final String INCOMPLETE = "incomplete";
    private static final String NONE = "-";
    // UTC rather than the local zone: the same transcripts print the same board on every machine.
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private LeaderboardText() {
    }

    public static String render(Leaderboard board) {
        StringBuilder out = new StringBuilder("Leak Drill leaderboard: ");
        if (board.scenarios().isEmpty()) {
            return out.append("no drills\n").toString();
        }
        out.append(count(board.drills(), "drill")).append(" of ").append(count(board.scenarios().size(), "scenario"))
                .append('\n');
        for (ScenarioRanking scenario : board.scenarios()) {
            out.append('\n');
            scenario(out, scenario);
        }
        return out.toString();
    }

    private static void scenario(StringBuilder out, ScenarioRanking scenario) {
        long trainees = scenario.ranking().stream().map(e -> e.card().trainee()).distinct().count();
        String counts = " (" + count(scenario.ranking().size(), "drill") + ", " + count((int) trainees, "trainee")
                + ")";
        String name = clean(scenario.scenarioId()) + " - " + clean(scenario.scenarioTitle());
        out.append(cut(name, WIDTH - counts.length())).append(counts).append('\n');
        out.append(String.format(Locale.ROOT, ROW, "#", "trainee", "score", "level", "started (UTC)", "variant",
                "status")).append("source\n");
        int rank = 0;
        for (LeaderboardEntry entry : scenario.ranking()) {
            rank++;
            row(out, rank, entry);
        }
        out.append('\n');
        trends(out, scenario.trends());
    }

    private static void row(StringBuilder out, int rank, LeaderboardEntry entry) {
        Scorecard card = entry.card();
        String cells = String.format(Locale.ROOT, ROW, rank, cut(clean(card.trainee()), 12),
                card.total() + "/" + card.max(), card.level(), entry.started().map(STARTED::format).orElse(NONE),
                cut(clean(entry.variant().orElse(NONE)), 12), card.complete() ? "" : INCOMPLETE);
        String source = clean(entry.source());
        if (cells.length() + source.length() <= WIDTH) {
            out.append(cells).append(source).append('\n');
            return;
        }
        // Drills write transcripts to folders named by drill id, so a source is often too long for the row; its
        // own line keeps the columns aligned, and its end, which tells drills apart, is what stays.
        out.append(cells.stripTrailing()).append('\n').append(SOURCE_INDENT)
                .append(cutStart(source, WIDTH - SOURCE_INDENT.length())).append('\n');
    }

    private static void trends(StringBuilder out, List<TraineeTrend> trends) {
        if (trends.isEmpty()) {
            out.append("Trends  none: no trainee ran this scenario ").append(Leaderboard.TREND_DRILLS)
                    .append(" times yet\n");
            return;
        }
        out.append("Trends  score change, then the scores from the oldest drill to the latest\n");
        for (TraineeTrend trend : trends) {
            String prefix = String.format(Locale.ROOT, TREND, cut(clean(trend.trainee()), 12),
                    (trend.change() < 0 ? "" : "+") + trend.change());
            String scores = trend.scores().stream().map(String::valueOf).collect(Collectors.joining(" -> "));
            List<String> lines = LineWrapper.wrap(scores, List.of(), WIDTH - TREND_INDENT.length());
            for (int i = 0; i < lines.size(); i++) {
                out.append(i == 0 ? prefix : TREND_INDENT).append(lines.get(i)).append('\n');
            }
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String clean(String text) {
        return PlainAscii.of(text.replace('\n', ' '));
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    private static String cutStart(String text, int width) {
        return text.length() <= width ? text : "..." + text.substring(text.length() - (width - 3));
    }
}
