package io.leakdrill.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebriefMarkdownTest {

    private static String debrief(TranscriptBuilder drill) {
        Transcript transcript = drill.transcript();
        return DebriefMarkdown.render(transcript, Grader.grade(transcript));
    }

    @Test
    void anExpertDrillReadsAsAPostmortemWithItsOwnTimesAndCause() {
        String md = debrief(Drills.expert());

        for (String section : List.of("# Postmortem (training drill): ", "## Summary", "## Impact", "## Timeline",
                "## Root cause and resolution", "## Times", "## What went well", "## What to practise next",
                "## Follow-up")) {
            assertTrue(md.contains(section), section + " in\n" + md);
        }
        // The timeline puts the incident's events beside the trainee's, at the times they happened.
        assertTrue(md.contains("| 15:47:00 | Alert A1 fires"), md);
        assertTrue(md.contains("| 15:49:00 |  | Acknowledged A1 |"), md);
        assertTrue(md.contains("|  | Declared SEV2 |"), md);
        assertTrue(md.contains("|  | Looked at gc, histogram, histogram-diff, roots, gc |"), md);
        assertTrue(md.contains("|  | Diagnosed session-cache (unbounded-cache) |"), md);
        assertTrue(md.contains("**Root cause:** the `session-cache` component leaked"), md);
        assertTrue(md.contains("`session-cache-eviction`): deployed at 16:06:40."), md);
        assertTrue(md.contains("Every category reached 60% of its points."), md);
    }

    @Test
    void aBandAidDrillNamesWhatToPractiseAndTheBandAid() {
        String md = debrief(Drills.bandAidOnly());

        String practise = md.substring(md.indexOf("## What to practise next"), md.indexOf("## Follow-up"));
        assertTrue(practise.contains("**diagnosis** (0.0 of 20)"), practise);
        assertTrue(practise.contains("never named a leaking component"), practise);
        assertTrue(practise.contains("Penalty "), practise);
        assertTrue(md.contains("**Band-aids:** 16:10:00 heap-512m"), md);
        assertTrue(md.contains("The fix was never deployed"), md);
    }

    @Test
    void traineeTextCannotBreakTheTablesOrInjectHtml() {
        String md = debrief(Drills.expert().update(1900, "db | network <script>x</script>\nsecond line"));

        assertTrue(md.contains("Update: \"db \\| network &lt;script>x&lt;/script> second line\""), md);
        for (String row : md.lines().filter(l -> l.startsWith("| 16:16:40")).toList()) {
            assertEquals(4, row.split("(?<!\\\\)\\|").length, row);
        }
    }

    @Test
    void aTranscriptCutShortSaysSo() {
        List<String> lines = Drills.expert().linesBeforeEnd();
        Transcript transcript = Transcript.parse(new StringReader(String.join("\n", lines)));

        String md = DebriefMarkdown.render(transcript, Grader.grade(transcript));

        assertTrue(md.contains("**Incomplete transcript:**"), md);
        assertTrue(md.contains("the incident was not resolved in the drill."), md);
    }

    @Test
    void theRealIncidentsTimesStandBesideTheTraineesWhenTheScenarioGivesThem() {
        String without = debrief(Drills.expert());
        assertFalse(without.contains("Real incident"), without);

        TranscriptBuilder drill = Drills.expert();
        drill.scenario(Json.createObjectBuilder(drill.transcript().scenario()).add("rubric", Json
                .createObjectBuilder().add("original", Json.createObjectBuilder().add("diagnose", "75m"))).build());
        String with = debrief(drill);

        assertTrue(with.contains("| Milestone | This drill | Target | Real incident |"), with);
        assertTrue(with.contains("| to diagnose | 16.7 min (on target) | 60 min | 75 min |"), with);
    }
}
