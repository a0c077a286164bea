package io.leakdrill.cli;

import io.leakdrill.Version;
import io.leakdrill.console.Suggestions;
import io.leakdrill.scenario.ScenarioException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.ParseException;

/** The `leakdrill` program: picks the sub-command, and is the one place that turns failures into exit codes. */
public final class Main {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;
    public static final int DRILL_FAILED = 3;

    private static final List<Subcommand> SUBCOMMANDS = List.of(new PlayCommand(), new GradeCommand(),
            new LeaderboardCommand(), new ListCommand(), new ValidateCommand(), new BenchCommand());

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, new Io(System.in, System.out, System.err));
        System.out.flush();
        System.exit(code);
    }

    /** Runs the program and returns its exit code; never exits the JVM, so tests can call it. */
    public static int run(String[] args, Io io) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        try {
            return dispatch(args, io);
        } catch (UserError e) {
            io.err().println("leakdrill: " + e.getMessage());
            return INVALID_INPUT;
        } catch (ScenarioException e) {
            io.err().println("leakdrill: invalid scenario " + e.getMessage());
            return INVALID_INPUT;
        } catch (ParseException e) {
            io.err().println("leakdrill: " + e.getMessage() + " (see `leakdrill --help`)");
            return INVALID_INPUT;
        } catch (DrillFailure e) {
            io.err().println("leakdrill: the drill could not run: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(io.err());
            }
            return DRILL_FAILED;
        } catch (Exception | Error e) {
            io.err().println("leakdrill: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(io.err());
            }
            return INTERNAL_ERROR;
        }
    }

    private static int dispatch(String[] args, Io io) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            io.out().print(help());
            return args.length == 0 ? INVALID_INPUT : OK;
        }
        if (args[0].equals("--version")) {
            io.out().println("leakdrill " + Version.current());
            return OK;
        }
        Optional<Subcommand> sub = SUBCOMMANDS.stream().filter(s -> s.name().equals(args[0])).findFirst();
        if (sub.isEmpty()) {
            String suggestion = Suggestions.closest(args[0],
                    SUBCOMMANDS.stream().map(Subcommand::name).toList()).map(s -> "; did you mean `" + s + "`?")
                    .orElse("");
            throw new UserError("unknown command '" + args[0] + "'" + suggestion + " (see `leakdrill --help`)");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help")) {
            io.out().print(usage(sub.get()));
            return OK;
        }
        CommandLine line = new DefaultParser().parse(sub.get().options(), rest);
        return sub.get().run(line, io);
    }

    private static String help() {
        StringBuilder text = new StringBuilder("leakdrill " + Version.current()
                + ": a memory-leak incident trainer\n\nUsage:\n");
        for (Subcommand s : SUBCOMMANDS) {
            text.append("  leakdrill ").append(s.synopsis()).append('\n');
        }
        text.append("  leakdrill --help | --version\n\n`leakdrill COMMAND --help` shows a command's options.\n"
                + "Exit codes: 0 done, 1 internal error, 2 invalid input, 3 the drill could not run.\n");
        return text.toString();
    }

    private static String usage(Subcommand sub) {
        java.io.StringWriter text = new java.io.StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, "leakdrill " + sub.synopsis(), "", sub.options(),
                2, 4, "");
        return text.toString();
    }
}
