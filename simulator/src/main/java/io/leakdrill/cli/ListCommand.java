package io.leakdrill.cli;

import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import io.leakdrill.scenario.ScenarioException;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** `leakdrill list`: the scenarios on offer. */
final class ListCommand implements Subcommand {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String synopsis() {
        return "list";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Io io) throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.standard();
        io.out().printf(Locale.ROOT, "%-28s %-10s %-9s %s%n", "ID", "DIFFICULTY", "DURATION", "TITLE");
        for (String id : catalog.ids()) {
            try {
                Scenario s = catalog.load(id);
                io.out().printf(Locale.ROOT, "%-28s %-10s %-9s %s%n", s.id(), s.difficulty(),
                        s.duration().toMinutes() + " min", s.title() + (id.equals(ScenarioCatalog.DEFAULT_ID)
                                ? " (default)" : ""));
            } catch (ScenarioException e) {
                io.out().printf(Locale.ROOT, "%-28s %-10s %-9s %s%n", id, "-", "-", "INVALID: " + e.getMessage());
            }
        }
        return Main.OK;
    }
}
