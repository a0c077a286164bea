package io.leakdrill.cli;

import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioException;
import io.leakdrill.scenario.ScenarioProblem;
import io.leakdrill.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** `leakdrill validate FILE`: checks a scenario and lists every problem with its JSON path and line. */
final class ValidateCommand implements Subcommand {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String synopsis() {
        return "validate FILE";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Io io) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UserError("validate needs exactly one scenario file");
        }
        Path file = Path.of(line.getArgList().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UserError("no file at " + file);
        }
        try {
            Scenario s = ScenarioReader.read(file.toString(), Files.readString(file));
            io.out().println(file + ": valid scenario '" + s.id() + "' (" + s.title() + ")");
            return Main.OK;
        } catch (ScenarioException e) {
            for (ScenarioProblem p : e.problems()) {
                io.err().println(file + ":" + p.line() + ": " + p.path() + ": " + p.message());
            }
            io.err().println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + file);
            return Main.INVALID_INPUT;
        }
    }
}
