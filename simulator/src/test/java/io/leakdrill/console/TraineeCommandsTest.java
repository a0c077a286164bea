package io.leakdrill.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.drill.Drill;
import io.leakdrill.drill.DrillOptions;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainee's situation, reasoning and people commands on one live drill of the seed scenario with its decoys
 * playing: what they record in the transcript, what they refuse, and what they must never show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraineeCommandsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Path dir;
    private Scenario scenario;
    private Drill drill;
    private DrillSession session;
    private Dispatcher console;
    private String ticketsAtStart;
    private double secondsAfterFirstLook;

    // One drill for the class; at x60 the first decoy begins at +3m, the ticket comes at +5m, the change at +8m.
    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        dir = folder;
        scenario = ScenarioCatalog.standard().load("memory-leak-mayhem");
        drill = Drill.start(new DrillOptions(scenario, scenario.variant("sessions").orElseThrow(), 4, 60,
                dir.resolve("drill"), dir.resolve("drill.jsonl"), "test", Clock.systemUTC()));
        session = new DrillSession(drill);
        console = Commands.dispatcher(session);
        ticketsAtStart = ok("tickets");
        secondsAfterFirstLook = drill.clock().elapsedSeconds();
    }

    @AfterAll
    void stop() {
        drill.close();
    }

    @Test
    void severityPageAndEscalateRecordWhatWasDeclaredAndRefuseBadInputWithTheUsage() throws Exception {
        assertTrue(ok("severity sev2").startsWith("Severity declared SEV2 at "));
        assertTrue(ok("severity SEV1").contains("(was SEV2)"));
        assertEquals("SEV1", last("severity").getString("severity"));
        assertEquals("SEV2", last("severity").getString("previous"));
        assertTrue(refused("severity SEV4").endsWith("usage: severity SEV1|SEV2|SEV3"));

        assertTrue(ok("page database").matches("Paged the database on-call at \\d\\d:\\d\\d\\."));
        assertEquals("database", last("page").getString("team"));
        String typo = refused("page databse");
        assertTrue(typo.contains("did you mean database?") && typo.contains("crm-dev, database, network"), typo);
        assertTrue(typo.endsWith("usage: page TEAM"), typo);

        ok("escalate crm-dev Heap floor keeps climbing; please look");
        assertEquals("crm-dev", last("escalate").getString("team"));
        assertEquals("Heap floor keeps climbing; please look", last("escalate").getString("text"));
        assertTrue(refused("escalate crm-dev").endsWith("usage: escalate TEAM TEXT"));
        assertTrue(refused("escalate").contains("crm-dev"));
    }

    @Test
    void aHypothesisCitesOnlyEvidenceTheDrillGaveOut() throws Exception {
        Dispatcher fresh = Commands.dispatcher(new DrillSession(drill));
        Command.Result none = fresh.execute("hypothesis something keeps sessions (E1)");
        assertFalse(none.ok());
        assertTrue(none.text().contains("no evidence E1: there is none yet"), none.text());

        String status = ok("status");
        String id = status.substring(status.lastIndexOf("[evidence ") + 10, status.lastIndexOf(']'));
        ok("hypothesis the heap floor climbs with logins, see " + id.toLowerCase(Locale.ROOT));
        assertEquals(List.of(id), strings(last("hypothesis"), "cites"));
        String unknown = refused("hypothesis E999 says so");
        assertTrue(unknown.contains("no evidence E999; the evidence so far is ") && unknown.contains(id), unknown);
    }

    @Test
    void ruleOutAndDiagnoseRecordTheSuspectThePatternAndTheCitations() throws Exception {
        String status = ok("status");
        String id = status.substring(status.lastIndexOf("[evidence ") + 10, status.lastIndexOf(']'));
        ok("rule-out database because no slow statements (" + id + ")");
        JsonObject ruleOut = last("rule-out");
        assertEquals("database", ruleOut.getString("suspect"));
        assertEquals("no slow statements (" + id + ")", ruleOut.getString("reason"));
        assertEquals(List.of(id), strings(ruleOut, "cites"));
        assertTrue(refused("rule-out databse").contains("did you mean database?"));

        // A wrong component on purpose: naming the leaking one here would show in the timeline another test reads.
        ok("diagnose report-cache --pattern unbounded-cache " + id);
        JsonObject diagnosis = last("diagnose");
        assertEquals("report-cache", diagnosis.getString("component"), "the grader reads the component");
        assertEquals("unbounded-cache", diagnosis.getString("pattern"));
        assertEquals(List.of(id), strings(diagnosis, "cites"));
        assertTrue(refused("diagnose report-cache --pattern unbound-cache").contains("did you mean unbounded-cache?"));
        assertTrue(refused("diagnose report-cache because").contains("unexpected 'because'"));
    }

    @Test
    void ticketsListOnlyTheTicketsThatCameIn() throws Exception {
        for (Scenario.StoryEvent ticket : scenario.timeline()) {
            if (ticket.kind().equals("ticket") && ticket.trigger().timed()
                    && ticket.trigger().at().toSeconds() > secondsAfterFirstLook) {
                assertFalse(ticketsAtStart.contains(ticket.text()), "not come in yet:\n" + ticketsAtStart);
            }
        }
        await().alias("the support ticket at +5m and the change at +8m").atMost(PATIENCE)
                .until(() -> drill.happenings().ofType("story").size() >= 2);
        String tickets = ok("tickets");
        assertTrue(tickets.startsWith("1 ticket so far"), tickets);
        assertTrue(tickets.contains("ticket  Support (Dana): Twelve tickets in five minutes"), tickets);
        assertFalse(tickets.contains("CHG-2041"), "a change is not a ticket:\n" + tickets);

        String changes = ok("changes");
        assertTrue(changes.contains("change  Change log: CHG-2041"), changes);
        assertFalse(changes.contains("Twelve tickets"), changes);
    }

    @Test
    void theTimelineShowsWhatHappenedAndWhatYouDidButNeverADecoyOrTheLeakingComponent() throws Exception {
        await().alias("a decoy begun and a support ticket in").atMost(PATIENCE)
                .until(() -> !events("decoy").isEmpty() && !drill.happenings().ofType("story").isEmpty());
        ok("note checking the heap next");
        ok("ack");
        String timeline = ok("timeline");
        assertTrue(timeline.startsWith("Timeline from 15:45:00 to "), timeline);
        assertTrue(timeline.contains("ticket  Support (Dana): Twelve tickets"), timeline);
        assertTrue(timeline.contains("you     note: checking the heap next"), timeline);
        for (JsonObject alert : events("alert")) {
            assertTrue(timeline.contains(alert.getString("alert") + " "), "alert shown:\n" + timeline);
        }
        String variant = drill.options().variant().leakingComponent();
        assertFalse(timeline.contains(variant), "the answer is not given away:\n" + timeline);
        assertFalse(timeline.toLowerCase(Locale.ROOT).contains("decoy"), timeline);
        for (Scenario.Decoy decoy : scenario.decoys()) {
            assertFalse(timeline.contains(decoy.id()) || timeline.contains(decoy.title()), decoy.id() + ":\n"
                    + timeline);
        }
    }

    @Test
    void usersShowsWhatUsersFeelAgainstTheObjectiveAndRecordsItAsEvidence() throws Exception {
        await().alias("two monitor samples").atMost(PATIENCE).until(() -> drill.samples().last(2).size() == 2);
        String users = ok("users");
        assertTrue(users.contains("Objective: at most 10.0% of users affected"), users);
        assertTrue(users.contains("times out (2000 ms) or takes over 500 ms"), users);
        JsonObject evidence = events("evidence").stream().filter(e -> e.getString("kind").equals("users"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(0.1, evidence.getJsonNumber("sloUsersAffected").doubleValue());
        assertTrue(users.contains("p95 " + evidence.getJsonNumber("userP95Ms").longValue() + " ms as users see it"),
                "the evidence holds the figures shown:\n" + users + "\n" + evidence);
        assertTrue(users.contains("[evidence " + evidence.getString("ref") + "]"), users);
    }

    private String ok(String line) {
        Command.Result result = console.execute(line);
        assertTrue(result.ok(), line + ": " + result.text());
        return result.text();
    }

    /** What the console printed for a line it refused; never a stack trace. */
    private String refused(String line) {
        Command.Result result = console.execute(line);
        assertFalse(result.ok(), line + " was accepted: " + result.text());
        assertFalse(result.text().contains("Exception") || result.text().contains("\tat "), result.text());
        return result.text();
    }

    private JsonObject last(String type) throws Exception {
        List<JsonObject> all = events(type);
        assertFalse(all.isEmpty(), "no " + type + " event in the transcript");
        return all.get(all.size() - 1);
    }

    private List<JsonObject> events(String type) throws Exception {
        return Files.readAllLines(dir.resolve("drill.jsonl")).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .filter(e -> e.getString("type").equals(type)).toList();
    }

    private static List<String> strings(JsonObject event, String key) {
        return event.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
