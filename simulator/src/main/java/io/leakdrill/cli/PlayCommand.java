package io.leakdrill.cli;

import io.leakdrill.console.InteractiveConsole;
import io.leakdrill.console.Postmortem;
import io.leakdrill.console.ScorecardColours;
import io.leakdrill.console.ScriptConsole;
import io.leakdrill.console.Style;
import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.grader.DebriefMarkdown;
import io.leakdrill.grader.Scorecard;
import io.leakdrill.grader.ScorecardText;
import io.leakdrill.grader.Transcript;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import io.leakdrill.world.crm.CrmStartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** `leakdrill play`: runs one drill at the terminal or from a script, then prints the scorecard. */
final class PlayCommand implements Subcommand {

    @Override
    public String name() {
        return "play";
    }

    @Override
    public String synopsis() {
        return "play [SCENARIO] [--speed N] [--seed N] [--variant ID] [--script FILE] [--transcript FILE]"
                + " [--trainee NAME] [--dir DIR]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("speed").hasArg().argName("N")
                        .desc("incident seconds per real second (default: the scenario's)").get())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("N")
                        .desc("seed for the data and the users (default: random, printed)").get())
                .addOption(Option.builder().longOpt("variant").hasArg().argName("ID")
                        .desc("play this variant of the scenario (default: the seed picks one)").get())
                .addOption(Option.builder().longOpt("script").hasArg().argName("FILE")
                        .desc("run headless: one console command per line, `wait 5m` lets time pass").get())
                .addOption(Option.builder().longOpt("transcript").hasArg().argName("FILE")
                        .desc("where to write the JSON Lines transcript (default: in the drill's folder)").get())
                .addOption(Option.builder().longOpt("trainee").hasArg().argName("NAME")
                        .desc("who is playing (default: your user name)").get())
                .addOption(Option.builder().longOpt("dir").hasArg().argName("DIR")
                        .desc("the drill's folder (default: ~/.leakdrill/drills/ID)").get())
                .addOption(null, "verbose", false, "stack traces on internal errors");
    }

    @Override
    public int run(CommandLine line, Io io) throws Exception {
        if (line.getArgList().size() > 1) {
            throw new UserError("play takes at most one scenario, got " + line.getArgList());
        }
        String id = line.getArgList().isEmpty() ? ScenarioCatalog.DEFAULT_ID : line.getArgList().get(0);
        Scenario scenario = ScenarioCatalog.standard().load(id);
        double speed = line.hasOption("speed") ? positive(line.getOptionValue("speed"), "--speed") : scenario.speed();
        long seed = line.hasOption("seed") ? seed(line.getOptionValue("seed"))
                : new SecureRandom().nextInt(1_000_000);
        Path script = line.hasOption("script") ? Path.of(line.getOptionValue("script")) : null;
        if (script != null && !Files.isRegularFile(script)) {
            throw new UserError("no script at " + script);
        }
        String drillId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                + "-" + scenario.id() + "-s" + seed;
        Path folder = line.hasOption("dir") ? Path.of(line.getOptionValue("dir"))
                : Path.of(System.getProperty("user.home"), ".leakdrill", "drills", drillId);
        Path transcriptFile = line.hasOption("transcript") ? Path.of(line.getOptionValue("transcript"))
                : folder.resolve("transcript.jsonl");
        String trainee = line.getOptionValue("trainee", System.getProperty("user.name", "trainee"));
        Scenario.Variant variant = line.hasOption("variant") ? variant(scenario, line.getOptionValue("variant"))
                : scenario.variantFor(seed);
        DrillOptions options = new DrillOptions(scenario, variant, seed, speed, folder, transcriptFile, trainee,
                Clock.systemUTC());

        io.err().printf(Locale.ROOT, "Starting %s (seed %d, speed x%s) in %s ...%n", scenario.title(), seed,
                trim(speed), folder);
        // The terminal and its line editor take about half a second to set up: done while the drill starts.
        CompletableFuture<Terminal> terminal = script == null && System.console() != null
                ? CompletableFuture.supplyAsync(PlayCommand::systemTerminal) : null;
        CompletableFuture<InteractiveConsole> console = terminal == null ? null
                // One history for every drill, as shells keep one: yesterday's commands are an Up arrow away.
                : terminal.thenApply(t -> InteractiveConsole.prepare(t, Path.of(System.getProperty("user.home"),
                        ".leakdrill", "history"), System.getenv()));
        try {
            return play(options, script, console, io);
        } finally {
            Terminal built = terminal == null ? null : terminal.exceptionally(e -> null).join();
            if (built != null) {
                built.close();
            }
        }
    }

    private static Terminal systemTerminal() {
        try {
            return TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int play(DrillOptions options, Path script, CompletableFuture<InteractiveConsole> console, Io io)
            throws Exception {
        Scenario scenario = options.scenario();
        Drill drill;
        try {
            drill = Drill.start(options);
        } catch (CrmStartException e) {
            throw new DrillFailure(e.getMessage(), e);
        }
        Thread hook = new Thread(() -> drill.close(), "drill-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = new PrintWriter(io.out(), true, StandardCharsets.UTF_8);
        out.println(briefing(scenario, drill));
        Scorecard card;
        Style style = Style.PLAIN;
        if (script != null) {
            try (BufferedReader reader = Files.newBufferedReader(script)) {
                card = scripted(drill, new ScriptConsole(drill, out, reader));
            }
        } else if (console == null) {
            card = scripted(drill, new ScriptConsole(drill, out, new BufferedReader(new InputStreamReader(io.in(),
                    StandardCharsets.UTF_8))));
        } else {
            InteractiveConsole terminal = console.join();
            style = terminal.style();
            card = finish(drill, terminal.run(drill), terminal.conversation());
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        out.println();
        out.print(ScorecardColours.paint(ScorecardText.render(card), style));
        out.flush();
        io.err().println("Transcript: " + options.transcript() + "  (re-grade with `leakdrill grade "
                + options.transcript() + "`)");
        writeDebrief(options.transcript(), card, io);
        return Main.OK;
    }

    private static Scorecard scripted(Drill drill, ScriptConsole console) throws IOException {
        return finish(drill, console.run(), console.conversation());
    }

    /**
     * The incident is over: its end is recorded and the world stopped, so nothing moves while the trainee answers the
     * postmortem; then the transcript, answers included, is graded.
     */
    private static Scorecard finish(Drill drill, String reason, Postmortem.Conversation conversation)
            throws IOException {
        drill.stop(reason);
        List<String> questions = drill.scenario().followUp();
        if (Postmortem.due(reason, questions)) {
            new Postmortem(questions, drill.transcript()::write).run(conversation);
        }
        return drill.grade();
    }

    /** The Markdown debrief beside the transcript; the drill is over, so a failure here only costs the file. */
    private static void writeDebrief(Path transcript, Scorecard card, Io io) {
        String name = transcript.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        Path debrief = transcript.resolveSibling(name + ".debrief.md");
        try (Reader reader = Files.newBufferedReader(transcript)) {
            Files.writeString(debrief, DebriefMarkdown.render(Transcript.parse(reader), card));
            io.err().println("Debrief: " + debrief + "  (a postmortem of this drill, in Markdown)");
        } catch (IOException | RuntimeException e) {
            io.err().println("Could not write the debrief " + debrief + ": " + e.getMessage());
        }
    }

    private static String briefing(Scenario scenario, Drill drill) {
        String runbooks = scenario.runbooks().isEmpty() ? "" : "\nRunbooks for this incident: " + scenario.runbooks()
                .stream().map(name -> "`runbook " + name + "`").collect(Collectors.joining(", ")) + ".\n";
        return "== " + scenario.title() + " ==\n" + scenario.briefing() + "\n" + runbooks + "\nIt is "
                + drill.clock().clockText() + ". The CRM is pid " + drill.crm().process().pid()
                + ". Type `help` for commands.\n";
    }

    private static double positive(String text, String option) throws UserError {
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new UserError(option + " needs a positive number, got '" + text + "'");
    }

    private static Scenario.Variant variant(Scenario scenario, String id) throws UserError {
        return scenario.variant(id).orElseThrow(() -> new UserError("scenario " + scenario.id()
                + " has no variant '" + id + "'; it has: " + String.join(", ",
                scenario.variants().stream().map(Scenario.Variant::id).toList())));
    }

    private static long seed(String text) throws UserError {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UserError("--seed needs a whole number, got '" + text + "'");
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
