package io.leakdrill.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A live seed drill for command tests: the session cache leaks slowly, with no decoys to disturb what is measured. */
public final class QuietDrill {

    private QuietDrill() {
    }

    /** Starts it at x20 with its folder and transcript in {@code dir}; the caller closes it. */
    public static Drill start(Path dir) throws Exception {
        return Drill.start(new DrillOptions(ScenarioCatalog.standard().load("memory-leak-mayhem"),
                new Scenario.Variant("quiet", "session-cache", "session-cache-eviction", List.of()), 4, 20,
                dir.resolve("drill"), dir.resolve("drill.jsonl"), "test", Clock.systemUTC()));
    }

    /** Runs a console command that must succeed and returns what it printed. */
    public static String run(Command command, DrillSession session, String... args) throws Exception {
        Command.Result result = command.run(List.of(args), session);
        assertTrue(result.ok(), result.text());
        return result.text();
    }
}
