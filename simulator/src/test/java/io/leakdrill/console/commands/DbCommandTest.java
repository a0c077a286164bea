package io.leakdrill.console.commands;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.drill.Drill;
import io.leakdrill.testing.QuietDrill;
import io.leakdrill.world.Fault;
import io.leakdrill.world.database.DatabaseLogin;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainee's `db` commands in a live drill: a real CRM JVM serving virtual users from the database through its
 * pool, and real faults on that database.
 */
class DbCommandTest {

    private static final Duration CALL = Duration.ofSeconds(10);
    private static final Pattern SLOW_ROW = Pattern.compile("^\\s*(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+[\\d.]+\\s+"
            + "SELECT \\.\\.\\. FROM CRM\\.DEALS D JOIN CRM\\.CUSTOMERS C .* JOIN CRM\\.ACTIVITIES A",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    private Drill drill;
    private DrillSession session;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        // Slow enough that the leak stays far from exhaustion while a test runs, and no decoys: the tests inject
        // the faults they are about themselves.
        drill = QuietDrill.start(dir);
        session = new DrillSession(drill);
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    private String db(String... args) throws Exception {
        Command.Result result = new DbCommand().run(List.of(args), session);
        assertTrue(result.ok(), result.text());
        return result.text();
    }

    private JsonObject crmDb() throws Exception {
        return drill.crm().admin().metrics(CALL).getJsonObject("db");
    }

    @Test
    void aHealthyDatabaseLooksHealthyFromBothSides() throws Exception {
        drill.database().awaitSeeded(Duration.ofSeconds(30));
        long before = crmDb().getJsonNumber("queries").longValue();
        await("the CRM serves a few hundred requests from the database").atMost(Duration.ofSeconds(30))
                .until(() -> crmDb().getJsonNumber("queries").longValue() > before + 300);

        String slowlog = db("slowlog");
        assertTrue(slowlog.startsWith("No statement has taken over 200 ms on the database server"), slowlog);
        String status = db("status");
        assertTrue(status.contains("10 CRM_APP"), "the CRM's pool holds ten sessions:\n" + status);
        assertTrue(status.contains("Blocked    0 sessions"), status);
        assertTrue(status.contains("CONTACTS 15,000"), status);
        assertTrue(status.contains("The CRM's side") && status.contains("0 connection time-outs, 0 lock time-outs"),
                status);

        String rep = login("rep-07");
        JsonObject created = Json.createReader(new StringReader(send(HttpRequest.newBuilder(crm("/api/deals"))
                .header("X-Session", rep).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"customerId\":42,\"title\":\"Fleet telematics\",\"amountCents\":1234500}")), 201)))
                .readObject();
        assertEquals("Fleet telematics", titleInDatabase(created.getJsonNumber("id").longValue()),
                "the CRM wrote the new deal to the database");
        assertTrue(db("locks").contains("No session is waiting for a lock."));
    }

    @Test
    void theSlowReportShowsInTheSlowlogAsTheServerTimedIt() throws Exception {
        Fault report = drill.database().slowReportQuery(1, Duration.ZERO);
        report.begin();
        try {
            await("the report appears in the server's slow log").atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(500)).until(() -> SLOW_ROW.matcher(db("slowlog")).find());
            Matcher row = SLOW_ROW.matcher(db("slowlog"));
            assertTrue(row.find());
            assertTrue(Double.parseDouble(row.group(2)) > 200, "max " + row.group(2) + " ms measured by H2");
            assertTrue(db("status").contains("BI_ANALYST"), "the analyst's session is visible");
            assertTrue(db("slowlog", "100000").startsWith("No statement has taken over 100000 ms"));
        } finally {
            report.end();
        }
        assertFalse(db("status").contains("BI_ANALYST"), "ending the fault ends the analyst's session");
    }

    @Test
    void aLongTransactionMakesTheCrmsUpdatesOfItsRowsFailUntilItEnds() throws Exception {
        Fault job = drill.database().longTransaction(1, 200);
        job.begin();
        String rep = login("rep-03");
        try {
            CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> status(updateDeal(rep, 50)));
            await("the CRM's update waits for the job's lock").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        String locks = db("locks");
                        return locks.contains("Sessions waiting for a lock") && locks.contains("CRM_APP")
                                && locks.contains("TERRITORY_JOB");
                    });
            assertEquals(500, update.join(), "the CRM answers an error once the lock wait times out");
            assertTrue(crmDb().getJsonNumber("lockTimeouts").longValue() >= 1, "the CRM counted the lock time-out");
            assertTrue(Files.readString(drill.crm().process().stdout())
                    .contains("database lock wait timed out: update deal"), "the CRM logged it");
            assertEquals(200, status(updateDeal(rep, 5000)), "deals the job does not hold update at once");
        } finally {
            job.end();
        }
        assertFalse(db("locks").contains("TERRITORY_JOB"), "ending the fault rolled the transaction back");
        assertEquals(200, status(updateDeal(rep, 50)), "the deal updates once the lock is gone");
    }

    private URI crm(String path) {
        return URI.create("http://127.0.0.1:" + drill.crm().port() + path);
    }

    private String login(String user) throws Exception {
        String body = send(HttpRequest.newBuilder(crm("/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")), 200);
        return Json.createReader(new StringReader(body)).readObject().getString("session");
    }

    private HttpResponse<String> updateDeal(String session, long id) {
        try {
            return http.send(HttpRequest.newBuilder(crm("/api/deals/" + id)).timeout(CALL)
                    .header("X-Session", session)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\":\"won\",\"amountCents\":500000}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return response.body();
    }

    private String titleInDatabase(long dealId) throws Exception {
        DatabaseLogin login = drill.database().crmLogin();
        Properties props = new Properties();
        props.setProperty("user", login.user());
        props.setProperty("password", login.password());
        try (Connection c = new org.h2.Driver().connect(login.url(), props);
                PreparedStatement s = c.prepareStatement("SELECT TITLE FROM CRM.DEALS WHERE ID = ?")) {
            s.setLong(1, dealId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
