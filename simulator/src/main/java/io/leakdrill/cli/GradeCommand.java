package io.leakdrill.cli;

import io.leakdrill.console.ScorecardColours;
import io.leakdrill.console.Style;
import io.leakdrill.grader.DebriefMarkdown;
import io.leakdrill.grader.Grader;
import io.leakdrill.grader.Scorecard;
import io.leakdrill.grader.ScorecardJson;
import io.leakdrill.grader.ScorecardText;
import io.leakdrill.grader.Transcript;
import io.leakdrill.grader.TranscriptException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** `leakdrill grade TRANSCRIPT [--json]`: scores a transcript exactly as the drill did. */
final class GradeCommand implements Subcommand {

    @Override
    public String name() {
        return "grade";
    }

    @Override
    public String synopsis() {
        return "grade TRANSCRIPT [--json | --markdown]";
    }

    @Override
    public Options options() {
        return new Options().addOption(null, "json", false, "print the scorecard as JSON (see docs/scorecard.md)")
                .addOption(null, "markdown", false, "print a postmortem-style debrief in Markdown")
                .addOption(null, "verbose", false, "stack traces on internal errors");
    }

    @Override
    public int run(CommandLine line, Io io) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UserError("grade needs exactly one transcript file (see `leakdrill grade --help`)");
        }
        Path file = Path.of(line.getArgList().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UserError("no transcript at " + file + "; `play` prints where it wrote one");
        }
        if (line.hasOption("json") && line.hasOption("markdown")) {
            throw new UserError("grade prints one form at a time: give --json or --markdown, not both");
        }
        Transcript transcript;
        Scorecard card;
        try (Reader reader = Files.newBufferedReader(file)) {
            transcript = Transcript.parse(reader);
            card = Grader.grade(transcript);
        } catch (TranscriptException e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        io.out().print(line.hasOption("json") ? ScorecardJson.render(card) + "\n"
                : line.hasOption("markdown") ? DebriefMarkdown.render(transcript, card)
                : ScorecardColours.paint(ScorecardText.render(card), Style.ofConsole(System.console() != null,
                        System.getenv())));
        return Main.OK;
    }
}
