package io.leakdrill.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.runbook.Runbooks;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** Tab offers the commands, then each command's own next words; it never breaks the line being typed. */
class CommandCompleterTest {

    // No drill: the candidates checked here do not need one, and those that do must fail quietly.
    private final CommandCompleter completer = new CommandCompleter(
            new Dispatcher(null, Commands.all(Runbooks.standard())), null);

    private List<String> offered(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
                candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void theFirstWordIsACommand() {
        assertTrue(offered("he").containsAll(List.of("help", "heap", "hint", "status", "runbook", "quit")),
                offered("he").toString());
    }

    @Test
    void subCommandsFollowTheirCommand() {
        assertEquals(List.of("histo", "diff", "roots", "dump"), offered("heap d"));
        assertEquals(List.of("status", "slowlog", "locks"), offered("db "));
        assertEquals(List.of("stats", "ping"), offered("net p"));
        assertEquals(List.of("--grep", "--tail"), offered("logs "));
        assertEquals(List.of("SEV1", "SEV2", "SEV3"), offered("severity "));
        assertEquals(List.of("set"), offered("config "));
        assertEquals(List.of("heap-mb", "gc"), offered("config set "));
        assertEquals(List.of("g1", "parallel", "serial"), offered("config set gc "));
        assertEquals(List.of("on", "off"), offered("autorestart "));
        assertEquals(List.of("--when"), offered("autorestart on "));
        assertTrue(offered("autorestart on --when ").contains("old_gen_after_gc_ratio"));
        assertEquals(List.of("unbounded-cache", "lapsed-listener", "threadlocal", "unbounded-queue", "classloader",
                "off-heap"), offered("diagnose session-cache --pattern "));
    }

    @Test
    void teamsFollowPageAndEscalateThenTheTextIsFree() {
        assertTrue(offered("page ").containsAll(List.of("crm-dev", "database", "network", "support-lead")),
                offered("page ").toString());
        assertEquals(offered("page "), offered("escalate "));
        assertEquals(List.of(), offered("escalate crm-dev "));
        assertEquals(List.of(), offered("page crm-dev "));
    }

    @Test
    void namesTheDrillKnowsAreOffered() {
        assertTrue(offered("runbook s").contains("safe-restart"), offered("runbook s").toString());
        assertTrue(offered("help ").contains("deploy"), offered("help ").toString());
    }

    @Test
    void nothingIsOfferedForFreeTextUnknownCommandsOrWhatCannotBeAnswered() {
        assertEquals(List.of(), offered("update Users "));
        assertEquals(List.of(), offered("nosuch "));
        assertEquals(List.of(), offered("runbook safe-restart "));
        // Patch ids come from the running drill; without one, completion offers nothing rather than failing.
        assertEquals(List.of(), offered("deploy "));
    }
}
