package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.drill.Drill;
import io.leakdrill.runbook.Runbooks;
import io.leakdrill.testing.QuietDrill;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command, given wrong arguments, says what is wrong and prints its usage; none runs on a mistake. */
class UsageErrorsTest {

    // One wrong use per command; a new command without one fails the test below until it has one.
    private static final Map<String, List<String>> WRONG = new LinkedHashMap<>();

    static {
        WRONG.put("help", List.of("help a b"));
        WRONG.put("status", List.of("status now"));
        WRONG.put("users", List.of("users all"));
        WRONG.put("alerts", List.of("alerts A1"));
        WRONG.put("ack", List.of("ack A99", "ack A1 A2"));
        WRONG.put("tickets", List.of("tickets 5"));
        WRONG.put("changes", List.of("changes today"));
        WRONG.put("timeline", List.of("timeline 10m"));
        WRONG.put("gc", List.of("gc many", "gc -3"));
        WRONG.put("heap", List.of("heap", "heap hist", "heap roots", "heap diff H98 H99"));
        WRONG.put("memory", List.of("memory heap"));
        WRONG.put("threads", List.of("threads blocked"));
        WRONG.put("logs", List.of("logs --tail x", "logs --grep"));
        WRONG.put("top", List.of("top 5"));
        WRONG.put("config", List.of("config get heap-mb", "config set heap 256", "config set heap-mb lots"));
        WRONG.put("db", List.of("db", "db drop", "db slowlog soon"));
        WRONG.put("net", List.of("net", "net trace"));
        WRONG.put("note", List.of("note"));
        WRONG.put("hypothesis", List.of("hypothesis", "hypothesis it is E999"));
        WRONG.put("rule-out", List.of("rule-out", "rule-out the-moon"));
        WRONG.put("diagnose", List.of("diagnose", "diagnose nothing-here", "diagnose session-cache --pattern tides"));
        WRONG.put("patches", List.of("patches all"));
        WRONG.put("restart", List.of("restart now"));
        WRONG.put("deploy", List.of("deploy", "deploy nonsense"));
        WRONG.put("rollback", List.of("rollback everything"));
        WRONG.put("autorestart", List.of("autorestart maybe", "autorestart on --when heap >"));
        WRONG.put("severity", List.of("severity", "severity SEV9"));
        WRONG.put("update", List.of("update"));
        WRONG.put("page", List.of("page", "page ghostbusters"));
        WRONG.put("escalate", List.of("escalate", "escalate database"));
        WRONG.put("hint", List.of("hint please"));
        WRONG.put("runbook", List.of("runbook a b"));
        WRONG.put("wait", List.of("wait", "wait soon", "wait 5h"));
        WRONG.put("resolve", List.of("resolve now"));
        WRONG.put("quit", List.of("quit now"));
    }

    @TempDir
    Path dir;

    @Test
    void everyCommandRefusesWrongArgumentsWithItsUsage() throws Exception {
        try (Drill drill = QuietDrill.start(dir)) {
            Dispatcher dispatcher = new Dispatcher(new DrillSession(drill), Commands.all(Runbooks.standard()));
            List<String> wrongly = new ArrayList<>();
            for (Command command : dispatcher.commands()) {
                List<String> wrong = WRONG.get(command.name());
                assertTrue(wrong != null, "a wrong use of `" + command.name() + "` is in this test");
                for (String line : wrong) {
                    Command.Result result = dispatcher.execute(line);
                    if (result.ok() || !result.text().contains("usage: " + command.usage())
                            || result.endReason() != null) {
                        wrongly.add(line + "  ->  " + result.text().replace("\n", " / "));
                    }
                }
            }
            assertTrue(wrongly.isEmpty(), "accepted, or refused without the usage:\n" + String.join("\n", wrongly));
        }
    }
}
