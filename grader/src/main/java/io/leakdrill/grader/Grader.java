package io.leakdrill.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Grades a drill transcript against the rubric its scenario carries; a pure function of the transcript. */
public final class Grader {

    private static final List<CategoryRule> RULES = List.of(new TriageRule(), new MitigationRule(),
            new EvidenceRule(), new DiagnosisRule(), new FixRule(), new CommunicationRule(), new FollowUpRule());

    private Grader() {
    }

    /** Scores the transcript; an incomplete transcript is graded on what it recorded and marked so. */
    public static Scorecard grade(Transcript transcript) {
        Drill drill = Drill.of(transcript);
        List<CategoryScore> categories = new ArrayList<>();
        double sum = 0;
        for (CategoryRule rule : RULES) {
            double weight = drill.rubric().weight(rule.category());
            List<Finding> findings = rule.findings(drill, weight);
            double points = Math.max(0, findings.stream().mapToDouble(Finding::points).sum());
            categories.add(new CategoryScore(rule.category(), points, weight, findings));
            sum += points;
        }
        List<Finding> penalties = Penalties.of(drill);
        sum += penalties.stream().mapToDouble(Finding::points).sum();
        int total = Decimals.whole(Math.max(0, sum));
        int max = Decimals.whole(drill.rubric().max());

        var scenario = transcript.scenario();
        var header = transcript.header();
        String id = Fields.text(scenario, "id", "unknown");
        OptionalLong seed = Fields.hasNumber(header, "seed")
                ? OptionalLong.of(header.getJsonNumber("seed").longValue()) : OptionalLong.empty();
        return new Scorecard(id, Fields.text(scenario, "title", id), Fields.text(header, "trainee", "unknown"),
                seed, transcript.complete(), total, max, Level.of(total, max).label(), categories, penalties,
                TimeMetrics.of(drill));
    }
}
