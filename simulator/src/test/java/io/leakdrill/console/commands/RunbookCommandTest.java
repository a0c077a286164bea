package io.leakdrill.console.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.console.Command.Result;
import io.leakdrill.console.DrillSession;
import io.leakdrill.runbook.Runbooks;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookCommandTest {

    private final RunbookCommand command = new RunbookCommand(Runbooks.standard());

    @Test
    void listsEveryShippedRunbookWithItsTitle() throws Exception {
        Result result = command.run(List.of(), new DrillSession(null));
        assertTrue(result.ok());
        assertTrue(result.text().contains("memory-leak-triage") && result.text().contains(
                "Memory-leak triage for a JVM service"), result.text());
    }

    @Test
    void rendersOneRunbookForTheTerminal() throws Exception {
        Result result = command.run(List.of("memory-leak-triage"), new DrillSession(null));
        assertTrue(result.ok());
        assertTrue(result.text().startsWith("Memory-leak triage for a JVM service\n====="), result.text());
        assertFalse(result.text().contains("**"), "emphasis markers are gone");
    }

    @Test
    void aMistypedNameSuggestsTheClosestAndAPathIsRefused() throws Exception {
        Result typo = command.run(List.of("memory-leak-triag"), new DrillSession(null));
        assertFalse(typo.ok());
        assertTrue(typo.text().contains("did you mean `runbook memory-leak-triage`?"), typo.text());
        Result path = command.run(List.of("../README"), new DrillSession(null));
        assertFalse(path.ok());
        assertTrue(path.text().contains("no runbook '../README'"), path.text());
        assertFalse(command.run(List.of("a", "b"), new DrillSession(null)).ok());
    }
}
