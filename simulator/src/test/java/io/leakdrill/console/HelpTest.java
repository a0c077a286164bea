package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.runbook.Runbooks;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTest {

    private final List<Command> commands = Commands.all(Runbooks.standard());
    private final Command help = commands.get(0);

    @Test
    void helpListsEveryCommandUnderItsPurposeInTheOrderOfThePurposes() throws Exception {
        String text = help.run(List.of(), new DrillSession(null)).text();
        int previousGroup = -1;
        for (Command.Purpose purpose : Command.Purpose.values()) {
            int at = text.indexOf(purpose.title() + ":");
            assertTrue(at > previousGroup, purpose.title() + " is listed after the group before it:\n" + text);
            previousGroup = at;
        }
        for (Command command : commands) {
            int group = text.indexOf(command.purpose().title() + ":");
            int line = text.indexOf("\n  " + command.name() + " ");
            assertTrue(line > group, command.name() + " is listed in " + command.purpose().title() + ":\n" + text);
        }
        // Without a terminal the console is 100 columns wide; long summaries wrap under their own column.
        assertTrue(text.lines().allMatch(l -> l.length() <= 100), text);
    }

    @Test
    void helpForOneCommandShowsItsUsageSummaryAndAnExampleThatUsesIt() throws Exception {
        assertAll(commands.stream().map(command -> () -> {
            Command.Result result = help.run(List.of(command.name()), new DrillSession(null));
            assertTrue(result.ok());
            assertTrue(result.text().contains("usage: " + command.usage()), result.text());
            assertTrue(result.text().contains(command.summary()), result.text());
            assertTrue(command.example().startsWith(command.name()), "the example of " + command.name()
                    + " types it: " + command.example());
        }));
    }

    @Test
    void helpForAnUnknownCommandSaysSo() throws Exception {
        UsageException e = assertThrows(UsageException.class, () -> help.run(List.of("heapp"), new DrillSession(null)));
        assertTrue(e.getMessage().contains("no command 'heapp'; did you mean `heap`?"), e.getMessage());
    }
}
