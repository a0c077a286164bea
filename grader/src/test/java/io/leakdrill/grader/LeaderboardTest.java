package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

    private static final String DAY1 = "2026-11-24T09:58:00.123Z";
    private static final String DAY2 = "2026-11-25T14:03:00Z";
    private static final String DAY3 = "2026-11-26T08:30:00+01:00";

    @Test
    void ranksByScoreThenFasterResolveThenTraineeThenSource() {
        Leaderboard board = Leaderboard.of(List.of(
                synthetic("carol", 70, 40.0, "c.jsonl"),
                synthetic("bob", 80, null, "b.jsonl"),
                synthetic("alice", 80, 50.0, "a2.jsonl"),
                synthetic("alice", 80, 50.0, "a1.jsonl"),
                synthetic("dave", 80, 30.0, "d.jsonl"),
                synthetic("bob", 80, 50.0, "b2.jsonl"),
                synthetic("erin", 95, null, "e.jsonl")));

        assertEquals(List.of("e.jsonl", "d.jsonl", "a1.jsonl", "a2.jsonl", "b2.jsonl", "b.jsonl", "c.jsonl"),
                sources(board.scenarios().get(0).ranking()),
                "score first; at 80 the faster resolve, then trainee, then source; unresolved last");
    }

    @Test
    void eachScenarioHasItsOwnRankingInScenarioIdOrder() {
        Leaderboard board = Leaderboard.of(List.of(
                synthetic("zoe", 90, 10.0, "z.jsonl", "quarter-end-reports"),
                synthetic("amy", 20, 10.0, "a.jsonl", "attachment-offheap"),
                synthetic("bo", 50, 10.0, "b.jsonl", "quarter-end-reports")));

        assertEquals(List.of("attachment-offheap", "quarter-end-reports"),
                board.scenarios().stream().map(ScenarioRanking::scenarioId).toList());
        assertEquals(List.of("z.jsonl", "b.jsonl"), sources(board.scenarios().get(1).ranking()));
        assertEquals(3, board.drills());
    }

    @Test
    void entryTakesStartVariantAndResolveTimeFromTheTranscript() {
        LeaderboardEntry entry = LeaderboardEntry.of(Drills.expert()
                .header(h -> h.add("realStart", DAY3).add("variant", "sessions")).transcript(), "x.jsonl");

        assertEquals(Optional.of(Instant.parse("2026-11-26T07:30:00Z")), entry.started());
        assertEquals(Optional.of("sessions"), entry.variant());
        assertEquals(37.5, entry.resolveMinutes().getAsDouble(), 1e-9, "resolved at 2250 incident seconds");
        assertEquals(Drills.expert().grade().total(), entry.card().total());
    }

    @Test
    void aMissingOrUnreadableStartLeavesTheDrillUndated() {
        LeaderboardEntry missing = LeaderboardEntry.of(Drills.expert().header(h -> h.remove("realStart"))
                .transcript(), "m.jsonl");
        LeaderboardEntry garbled = LeaderboardEntry.of(Drills.expert().header(h -> h.add("realStart", "yesterday"))
                .transcript(), "g.jsonl");

        assertEquals(Optional.empty(), missing.started());
        assertEquals(Optional.empty(), garbled.started());
        assertEquals(Optional.empty(), missing.variant());
    }

    @Test
    void aTraineeImprovingShowsTheChangeFromFirstToLastDrill() {
        int first = Drills.bandAidOnly().grade().total();
        int last = Drills.expert().grade().total();
        Leaderboard board = Leaderboard.of(List.of(
                entry(Drills.expert(), "alice", DAY3, "alice-3.jsonl"),
                entry(Drills.bandAidOnly(), "alice", DAY1, "alice-1.jsonl"),
                entry(Drills.bandAidOnly(), "alice", DAY2, "alice-2.jsonl"),
                entry(Drills.expert(), "bob", DAY1, "bob.jsonl")));

        List<TraineeTrend> trends = board.scenarios().get(0).trends();
        assertEquals(1, trends.size(), "bob ran it once: no trend");
        TraineeTrend alice = trends.get(0);
        assertEquals("alice", alice.trainee());
        assertEquals(List.of(first, first, last), alice.scores(), "oldest first, whatever the scores");
        assertEquals(last - first, alice.change());
        assertTrue(last - first > 50, "expert vs band-aid: " + first + " -> " + last);
        String text = LeaderboardText.render(board);
        assertTrue(text.contains(trend("alice", "+" + (last - first)) + first + " -> " + first + " -> " + last
                + "\n"), text);
    }

    @Test
    void aDeclineIsNegativeAndUndatedDrillsComeLastBySource() {
        Leaderboard board = Leaderboard.of(List.of(
                entry(Drills.bandAidOnly(), "alice", null, "b-undated.jsonl"),
                entry(Drills.expert(), "alice", null, "a-undated.jsonl"),
                entry(Drills.expert(), "alice", DAY2, "dated.jsonl")));

        TraineeTrend alice = board.scenarios().get(0).trends().get(0);
        assertEquals(List.of("dated.jsonl", "a-undated.jsonl", "b-undated.jsonl"), sources(alice.drills()));
        assertTrue(alice.change() < 0);
        assertTrue(LeaderboardText.render(board).contains(trend("alice", String.valueOf(alice.change()))));
    }

    @Test
    void textShowsTheTableAndTrendsPerScenario() {
        Leaderboard board = Leaderboard.of(List.of(
                entry(Drills.expert(), "alice", DAY2, "alice-2.jsonl"),
                entry(Drills.bandAidOnly().header(h -> h.add("variant", "reports")), "alice", DAY1, "alice-1.jsonl"),
                synthetic("zed", 55, null, "zed.jsonl", "attachment-offheap")));
        int expert = Drills.expert().grade().total();
        int bandAid = Drills.bandAidOnly().grade().total();

        assertEquals("""
                Leak Drill leaderboard: 3 drills of 2 scenarios

                attachment-offheap - Attachment Off-Heap (1 drill, 1 trainee)
                  #  trainee       score    level       started (UTC)     variant       status      source
                  1  zed           55/100   developing  -                 -                         zed.jsonl

                Trends  none: no trainee ran this scenario 2 times yet

                memory-leak-mayhem - Memory Leak Mayhem (2 drills, 1 trainee)
                  #  trainee       score    level       started (UTC)     variant       status      source
                  1  alice         %-7s  expert      2026-11-25 14:03  -                         alice-2.jsonl
                  2  alice         %-7s  novice      2026-11-24 09:58  reports                   alice-1.jsonl

                Trends  score change, then the scores from the oldest drill to the latest
                %s%d -> %d
                """.formatted(expert + "/100", bandAid + "/100", trend("alice", "+" + (expert - bandAid)).substring(1),
                bandAid, expert),
                LeaderboardText.render(board));
    }

    @Test
    void aTranscriptCutShortIsMarkedIncomplete() {
        Transcript cut = Transcript.parse(new StringReader(String.join("\n", Drills.expert().linesBeforeEnd())));
        Leaderboard board = Leaderboard.of(List.of(LeaderboardEntry.of(cut, "cut.jsonl"),
                entry(Drills.expert(), "bob", DAY1, "whole.jsonl")));

        String text = LeaderboardText.render(board);
        assertTrue(text.lines().anyMatch(l -> l.contains(" incomplete ") && l.endsWith("cut.jsonl")), text);
        assertFalse(text.lines().anyMatch(l -> l.contains("incomplete") && l.endsWith("whole.jsonl")), text);
    }

    @Test
    void theSameDrillsInAnyOrderGiveTheSameText() {
        List<LeaderboardEntry> entries = new ArrayList<>(List.of(
                entry(Drills.expert(), "alice", DAY1, "a1.jsonl"),
                entry(Drills.expert(), "alice", DAY1, "a2.jsonl"),
                entry(Drills.bandAidOnly(), "alice", DAY2, "a3.jsonl"),
                entry(Drills.bandAidOnly(), "bob", null, "b1.jsonl"),
                entry(Drills.bandAidOnly(), "bob", null, "b0.jsonl"),
                entry(Drills.expert(), "carol", DAY3, "c.jsonl"),
                synthetic("dave", 80, 30.0, "d.jsonl", "live-deal-room"),
                synthetic("dave", 80, 30.0, "d.jsonl", "attachment-offheap"),
                synthetic("erin", 80, null, "e.jsonl", "live-deal-room")));
        String expected = LeaderboardText.render(Leaderboard.of(entries));
        Random random = new Random(7);

        for (int i = 0; i < 20; i++) {
            Collections.shuffle(entries, random);
            assertEquals(expected, LeaderboardText.render(Leaderboard.of(entries)));
        }
    }

    @Test
    void textFitsA100ColumnTerminalInPlainAscii() {
        List<LeaderboardEntry> entries = new ArrayList<>();
        String trainee = "d\u00e9sir\u00e9e-\u001b[31m-with-a-very-long-name";
        for (int day = 1; day <= 30; day++) {
            entries.add(entry(day % 2 == 0 ? Drills.expert() : Drills.bandAidOnly(), trainee,
                    "2026-11-%02dT10:00:00Z".formatted(day),
                    "20261124-095800-memory-leak-mayhem-s" + day + "/deeper/still/transcript\u00e9.jsonl"));
        }
        entries.add(new LeaderboardEntry(card("x".repeat(150), 1, null, true, "memory-leak-mayhem"),
                Optional.empty(), Optional.of("v".repeat(40)), "s.jsonl"));

        String text = LeaderboardText.render(Leaderboard.of(entries));

        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 100, () -> "too wide: " + line);
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "not plain ASCII: " + line);
        }
        assertTrue(text.contains("\n     ...ory-leak-mayhem-s30/deeper/still/transcript?.jsonl\n")
                || text.contains("\n     20261124-095800-memory-leak-mayhem-s30/deeper/still/transcript?.jsonl\n"),
                "a long source gets a line of its own, its end kept: " + text);
    }

    private static LeaderboardEntry entry(TranscriptBuilder drill, String trainee, String started, String source) {
        return LeaderboardEntry.of(drill.header(h -> {
            h.add("trainee", trainee);
            return started == null ? h.remove("realStart") : h.add("realStart", started);
        }).transcript(), source);
    }

    private static LeaderboardEntry synthetic(String trainee, int total, Double resolveMinutes, String source) {
        return synthetic(trainee, total, resolveMinutes, source, "memory-leak-mayhem");
    }

    private static LeaderboardEntry synthetic(String trainee, int total, Double resolveMinutes, String source,
            String scenario) {
        return new LeaderboardEntry(card(trainee, total, resolveMinutes, true, scenario), Optional.empty(),
                Optional.empty(), source);
    }

    /** A scorecard with just what the leaderboard reads, so ties can be set up exactly. */
    private static Scorecard card(String trainee, int total, Double resolveMinutes, boolean complete,
            String scenario) {
        TimeMetric resolve = new TimeMetric(TimeMetrics.RESOLVE,
                resolveMinutes == null ? OptionalDouble.empty() : OptionalDouble.of(resolveMinutes),
                Optional.empty(), 85, Optional.empty(), List.of(), OptionalDouble.empty());
        String title = scenario.equals("attachment-offheap") ? "Attachment Off-Heap" : "Memory Leak Mayhem";
        return new Scorecard(scenario, title, trainee, OptionalLong.empty(), complete, total, 100,
                Level.of(total, 100).label(), List.of(), List.of(), List.of(resolve));
    }

    private static List<String> sources(List<LeaderboardEntry> entries) {
        return entries.stream().map(LeaderboardEntry::source).toList();
    }

    /** The start of a trainee's trend line: name, then the change right-aligned in its column. */
    private static String trend(String trainee, String change) {
        return String.format(java.util.Locale.ROOT, "\n  %-12s  %5s  ", trainee, change);
    }
}
