package io.leakdrill.grader;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a graded drill as a Markdown debrief in the form of a postmortem: summary, impact, a timeline of the
 * trainee's actions beside the incident's events, root cause and resolution, times, what went well, what to practise
 * next, and the follow-up questions and actions. Every figure comes from the transcript.
 */
public final class DebriefMarkdown {

    // A category this share of its weight or more went well; under the lower share it is worth practising.
    private static final double WELL = 0.8;
    private static final double PRACTISE = 0.6;

    private DebriefMarkdown() {
    }

    public static String render(Transcript transcript, Scorecard card) {
        Drill drill = Drill.of(transcript);
        JsonObject scenario = transcript.scenario();
        JsonObject header = transcript.header();
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem (training drill): ").append(cell(card.scenarioTitle())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Scenario | `").append(card.scenarioId()).append('`');
        String variant = Fields.text(header, "variant", "");
        md.append(variant.isEmpty() ? "" : ", variant `" + variant + "`");
        card.seed().ifPresent(seed -> md.append(", seed ").append(seed));
        md.append(" |\n| Trainee | ").append(cell(card.trainee())).append(" |\n");
        md.append("| Incident start | ").append(cell(Fields.text(header, "incidentStart",
                Fields.text(Fields.object(scenario, "clock"), "start", "unknown")))).append(" |\n");
        drill.log().last().ifPresent(last -> md.append("| Length | ").append(Decimals.elapsed(last.at()))
                .append(" of incident time, to ").append(last.clock()).append(" |\n"));
        md.append("| Score | ").append(card.total()).append(" / ").append(card.max()).append(" (")
                .append(card.level()).append(") |\n\n");
        if (!card.complete()) {
            md.append("> **Incomplete transcript:** the drill did not reach its end (the program or machine stopped). ")
                    .append("This debrief covers what was recorded.\n\n");
        }

        md.append("## Summary\n\n");
        md.append(Fields.text(scenario, "summary", card.scenarioTitle())).append(' ')
                .append(outcome(drill)).append("\n\n");

        md.append("## Impact\n\n");
        impact(md, drill);

        md.append("\n## Timeline\n\n| Time | Incident | Response |\n|---|---|---|\n");
        for (DebriefTimeline.Row row : DebriefTimeline.of(drill.log())) {
            md.append("| ").append(row.clock()).append(" | ").append(cell(row.incident())).append(" | ")
                    .append(cell(row.response())).append(" |\n");
        }

        md.append("\n## Root cause and resolution\n\n");
        rootCause(md, drill, scenario);

        md.append("\n## Times\n\n");
        times(md, card.times());

        md.append("\n## What went well\n\n");
        list(md, card.categories().stream().filter(c -> c.max() > 0 && c.points() >= WELL * c.max()).toList(),
                true, "Nothing reached 80% of its points this time.");
        md.append("\n## What to practise next\n\n");
        list(md, card.categories().stream().filter(c -> c.max() > 0 && c.points() < PRACTISE * c.max()).toList(),
                false, "Every category reached 60% of its points.");
        for (Finding penalty : card.penalties()) {
            md.append("- Penalty ").append(Decimals.signedPoints(penalty.points())).append(": ")
                    .append(line(penalty)).append('\n');
        }

        md.append("\n## Follow-up\n\n### Questions for the team\n\n");
        List<String> questions = Fields.strings(scenario, "followUp");
        if (questions.isEmpty()) {
            md.append("The scenario asks none.\n");
        }
        for (int i = 0; i < questions.size(); i++) {
            int number = i + 1;
            md.append(number).append(". ").append(cell(questions.get(i))).append('\n');
            drill.log().first(e -> e.is("followup-answer") && e.number("question", 0) == number)
                    .ifPresentOrElse(a -> md.append("   - Answer: ").append(cell(a.text("text"))).append('\n'),
                            () -> md.append("   - Not answered.\n"));
        }
        md.append("\n### Actions proposed by the trainee\n\n");
        List<String> actions = drill.log().ofType("action-item").stream().map(e -> e.text("text"))
                .collect(Collectors.toList());
        drill.log().ofType("note").forEach(e -> actions.add(e.clock() + " (note): " + e.text("text")));
        drill.log().first("alert-proposal").ifPresent(rule -> actions.add("Alert rule: " + rule.text("expr")
                + (rule.number("forSeconds", 0) > 0 ? " for " + Decimals.elapsed(rule.number("forSeconds", 0)) : "")));
        bullets(md, actions, "None recorded: the postmortem after `resolve` asks for them.");
        return md.toString();
    }

    private static String outcome(Drill drill) {
        EventLog log = drill.log();
        Optional<Event> fix = drill.fixDeploy();
        Optional<Event> resolved = log.resolveEnd();
        String fixed = fix.map(f -> "The fix (`" + f.text("patch") + "`) went live at " + f.clock() + " (+"
                + Decimals.elapsed(f.at()) + ")").orElse("The fix was never deployed");
        return fixed + (resolved.map(r -> " and the incident was resolved at " + r.clock() + " (+"
                + Decimals.elapsed(r.at()) + ").").orElse("; the incident was not resolved in the drill."));
    }

    private static void impact(StringBuilder md, Drill drill) {
        List<Event> samples = drill.log().ofType("sample");
        Optional<Event> worstUsers = samples.stream()
                .max((a, b) -> Double.compare(a.number("usersAffected", 0), b.number("usersAffected", 0)));
        Optional<Event> worstErrors = samples.stream()
                .max((a, b) -> Double.compare(a.number("errorRatio", 0), b.number("errorRatio", 0)));
        double slo = drill.rubric().sloUsersAffected();
        long over = samples.stream().filter(s -> s.number("usersAffected", 0) > slo).count();
        worstUsers.ifPresent(w -> md.append(String.format(Locale.ROOT, "- Users: at worst %s of the virtual users "
                + "were hurt (at %s); %d of %d monitor samples were over the objective of %s.%n",
                Decimals.percent(w.number("usersAffected", 0)), w.clock(), over, samples.size(),
                Decimals.percent(slo))));
        worstErrors.ifPresent(w -> md.append(String.format(Locale.ROOT, "- Errors: at worst %s of requests failed "
                + "or timed out (at %s).%n", Decimals.percent(w.number("errorRatio", 0)), w.clock())));
        long crashes = drill.log().ofType("crm").size();
        long restarts = drill.log().ofType("restart").size();
        md.append("- The CRM: ").append(crashes == 0 ? "no crash" : crashes + " crash or out-of-memory report(s)")
                .append(", ").append(restarts).append(" restart(s)");
        drill.log().first("exhausted").ifPresent(e -> md.append("; the leak filled the ").append(e.text("area"))
                .append(" at ").append(e.clock()));
        md.append(".\n");
        if (samples.isEmpty()) {
            md.append("- No monitor samples were recorded.\n");
        }
    }

    private static void rootCause(StringBuilder md, Drill drill, JsonObject scenario) {
        AnswerKey key = drill.key();
        EventLog log = drill.log();
        md.append("- **Root cause:** the `").append(key.component()).append("` component leaked: it kept objects "
                + "reachable from a GC root, so the ").append(key.area().level()).append(" only rose.\n");
        Optional<Event> named = drill.rightDiagnosis();
        md.append("- **Diagnosis:** ").append(named.map(n -> "named at " + n.clock() + " (+" + Decimals.elapsed(n.at())
                + ")" + (Fields.strings(n.json(), "cites").isEmpty() ? ", citing no evidence"
                        : ", citing " + String.join(", ", Fields.strings(n.json(), "cites"))) + ".")
                .orElse("the trainee never named the leaking component.")).append('\n');
        String fixTitle = Fields.array(scenario, "patches").stream()
                .filter(p -> p instanceof JsonObject o && key.fix().equals(Fields.text(o, "id", "")))
                .map(p -> Fields.text((JsonObject) p, "title", key.fix())).findFirst().orElse(key.fix());
        Optional<Event> fix = drill.fixDeploy();
        md.append("- **Resolution:** ").append(cell(fixTitle)).append(" (`").append(key.fix()).append("`): ")
                .append(fix.map(f -> "deployed at " + f.clock() + ".").orElse("not deployed.")).append('\n');
        List<String> bandAids = log.all().stream().filter(e -> e.is("deploy") && key.isBandAid(e.text("patch"))
                || e.is("autorestart") && "on".equals(e.text("state"))
                || e.is("config") && e.flag("bandAid", false))
                .map(e -> e.clock() + " " + (e.is("deploy") ? e.text("patch") : e.type())).toList();
        if (!bandAids.isEmpty()) {
            md.append("- **Band-aids:** ").append(String.join(", ", bandAids))
                    .append(". They buy time; they do not stop the leak.\n");
        }
    }

    private static void times(StringBuilder md, List<TimeMetric> times) {
        boolean original = times.stream().anyMatch(t -> t.originalMinutes().isPresent());
        md.append("| Milestone | This drill | Target |").append(original ? " Real incident |" : "").append('\n');
        md.append("|---|---|---|").append(original ? "---|" : "").append('\n');
        for (TimeMetric time : times) {
            md.append("| ").append(time.name()).append(" | ")
                    .append(time.reached() ? Decimals.points(time.minutes().getAsDouble()) + " min ("
                            + (time.onTarget() ? "on target" : "late") + ")" : "not reached")
                    .append(" | ").append(Decimals.compact(time.targetMinutes())).append(" min |");
            if (original) {
                md.append(' ').append(time.originalMinutes().isPresent()
                        ? Decimals.compact(time.originalMinutes().getAsDouble()) + " min" : "").append(" |");
            }
            md.append('\n');
        }
    }

    private static void list(StringBuilder md, List<CategoryScore> categories, boolean earned, String none) {
        if (categories.isEmpty()) {
            md.append(none).append('\n');
        }
        for (CategoryScore category : categories) {
            md.append("- **").append(category.label()).append("** (").append(Decimals.points(category.points()))
                    .append(" of ").append(Decimals.compact(category.max())).append(")\n");
            for (Finding finding : category.findings()) {
                if (earned == finding.points() > 0 || category.findings().size() == 1) {
                    md.append("  - ").append(line(finding)).append('\n');
                }
            }
        }
    }

    private static String line(Finding finding) {
        String when = finding.events().stream().map(EventRef::clock).distinct().collect(Collectors.joining(", "));
        return cell(finding.reason()) + (when.isEmpty() ? "" : " (" + when + ")");
    }

    private static void bullets(StringBuilder md, List<String> items, String none) {
        if (items.isEmpty()) {
            md.append(none).append('\n');
        }
        items.forEach(item -> md.append("- ").append(cell(item)).append('\n'));
    }

    /** Trainee text inside Markdown: one line, no table breaks, no HTML. */
    private static String cell(String text) {
        return text.replace('\n', ' ').replace("|", "\\|").replace("<", "&lt;").strip();
    }
}
