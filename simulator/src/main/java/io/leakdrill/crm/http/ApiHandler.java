package io.leakdrill.crm.http;

import io.leakdrill.crm.CrmLog;
import io.leakdrill.crm.data.Contact;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Customer;
import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.mail.DealNotifications;
import io.leakdrill.crm.report.PipelineReports;
import io.leakdrill.crm.session.LoginService;
import io.leakdrill.crm.session.SavedSearch;
import io.leakdrill.crm.session.SessionCacheSlot;
import io.leakdrill.crm.session.UserSession;
import io.leakdrill.crm.telemetry.RequestStats;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The CRM's public API: log in, search and open customers, create and update deals, tell a deal's team about it,
 * export the pipeline.
 */
public final class ApiHandler implements HttpHandler {

    private final CrmRepository repository;
    private final LoginService logins;
    private final SessionCacheSlot sessions;
    private final RequestStats stats;
    private final CrmLog log;
    private final LongSupplier clock;
    private final boolean crashOnOutOfMemory;
    private final PipelineReports reports;
    private final DealNotifications notifications;

    public ApiHandler(CrmRepository repository, LoginService logins, SessionCacheSlot sessions,
            PipelineReports reports, DealNotifications notifications, RequestStats stats, CrmLog log,
            LongSupplier clock, boolean crashOnOutOfMemory) {
        this.repository = repository;
        this.logins = logins;
        this.sessions = sessions;
        this.stats = stats;
        this.log = log;
        this.clock = clock;
        this.crashOnOutOfMemory = crashOnOutOfMemory;
        this.reports = reports;
        this.notifications = notifications;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        long start = System.nanoTime();
        boolean failed = true;
        Exchange exchange = new Exchange(http);
        try {
            int status = route(exchange);
            failed = status >= 500;
        } catch (OutOfMemoryError oom) {
            if (crashOnOutOfMemory) {
                throw oom;
            }
            // Degrade rather than die, as many servers do: log it, answer 503 and let the next request try again.
            log.error("request " + exchange.method() + " " + exchange.path() + " failed", oom);
            respondQuietly(exchange, 503, "server out of memory");
        } catch (RuntimeException e) {
            log.error("request " + exchange.method() + " " + exchange.path() + " failed", e);
            respondQuietly(exchange, 500, "internal error");
        } finally {
            stats.record((System.nanoTime() - start) / 1000, failed);
            http.close();
        }
    }

    private static void respondQuietly(Exchange exchange, int status, String message) {
        try {
            exchange.error(status, message);
        } catch (IOException | RuntimeException | OutOfMemoryError ignored) {
            // The client may already be gone or the heap too full to answer; the exchange is closed either way.
        }
    }

    private int route(Exchange ex) throws IOException {
        String path = ex.path();
        String method = ex.method();
        if (method.equals("POST") && path.equals("/api/login")) {
            return login(ex);
        }
        Optional<UserSession> session = Optional.ofNullable(ex.header("X-Session")).flatMap(sessions.cache()::get);
        if (session.isEmpty()) {
            ex.error(401, "log in first");
            return 401;
        }
        session.get().touch(clock.getAsLong());
        if (method.equals("GET") && path.equals("/api/customers")) {
            return search(ex, session.get());
        }
        if (method.equals("GET") && path.startsWith("/api/customers/")) {
            return customer(ex, idAfter(path, "/api/customers/"));
        }
        if (method.equals("POST") && path.equals("/api/deals")) {
            return createDeal(ex, session.get());
        }
        if (method.equals("POST") && path.startsWith("/api/deals/") && path.endsWith("/notify")) {
            return notifyTeam(ex, session.get(), idAfter(path.substring(0, path.length() - "/notify".length()),
                    "/api/deals/"));
        }
        if (method.equals("PUT") && path.startsWith("/api/deals/")) {
            return updateDeal(ex, idAfter(path, "/api/deals/"));
        }
        if (method.equals("GET") && path.equals("/api/reports/pipeline")) {
            return exportPipeline(ex, session.get());
        }
        ex.error(404, "no such endpoint: " + method + " " + path);
        return 404;
    }

    private int login(Exchange ex) throws IOException {
        String user = ex.jsonBody().getString("user", "");
        if (!repository.isSalesRep(user)) {
            ex.error(403, "unknown user");
            return 403;
        }
        UserSession session = logins.login(user);
        ex.json(200, Json.createObjectBuilder()
                .add("session", session.id())
                .add("user", user)
                .add("pipelineDeals", session.context().pipeline().size())
                .build());
        return 200;
    }

    private int search(Exchange ex, UserSession session) throws IOException {
        String query = ex.query().getOrDefault("q", "");
        List<Customer> found = repository.searchCustomers(query, 25);
        session.context().rememberSearch(new SavedSearch(query,
                found.stream().map(Customer::id).collect(Collectors.toList())));
        JsonArrayBuilder results = Json.createArrayBuilder();
        found.forEach(c -> results.add(customerJson(c)));
        ex.json(200, Json.createObjectBuilder().add("query", query).add("results", results).build());
        return 200;
    }

    private int customer(Exchange ex, long id) throws IOException {
        Optional<Customer> customer = repository.customer(id);
        if (customer.isEmpty()) {
            ex.error(404, "no customer " + id);
            return 404;
        }
        JsonArrayBuilder contacts = Json.createArrayBuilder();
        for (Contact c : repository.contactsOf(id)) {
            contacts.add(Json.createObjectBuilder().add("id", c.id()).add("name", c.name())
                    .add("email", c.email()).add("phone", c.phone()));
        }
        JsonArrayBuilder deals = Json.createArrayBuilder();
        repository.dealsOf(id).forEach(d -> deals.add(dealJson(d)));
        ex.json(200, customerJson(customer.get()).add("contacts", contacts).add("deals", deals).build());
        return 200;
    }

    private int createDeal(Exchange ex, UserSession session) throws IOException {
        JsonObject body = ex.jsonBody();
        long customerId = body.getJsonNumber("customerId").longValue();
        if (repository.customer(customerId).isEmpty()) {
            ex.error(404, "no customer " + customerId);
            return 404;
        }
        Deal deal = repository.createDeal(customerId, session.context().userId(),
                body.getString("title", "New deal"), body.getJsonNumber("amountCents").longValue());
        ex.json(201, dealJson(deal).build());
        return 201;
    }

    private int updateDeal(Exchange ex, long id) throws IOException {
        JsonObject body = ex.jsonBody();
        Optional<Deal> updated = repository.updateDeal(id, body.getString("stage", "qualified"),
                body.getJsonNumber("amountCents").longValue());
        if (updated.isEmpty()) {
            ex.error(404, "no deal " + id);
            return 404;
        }
        ex.json(200, dealJson(updated.get()).build());
        return 200;
    }

    // The e-mail is rendered now and sent later: the rep gets an answer without waiting for the mail relay.
    private int notifyTeam(Exchange ex, UserSession session, long dealId) throws IOException {
        var notice = notifications.notifyTeam(dealId, session.context().userId(), session.context().pipeline());
        if (notice.isEmpty()) {
            ex.error(404, "no deal " + dealId);
            return 404;
        }
        ex.json(202, Json.createObjectBuilder().add("deal", dealId)
                .add("messages", notice.get().messages().size())
                .add("queued", notice.get().queued()).build());
        return 202;
    }

    private int exportPipeline(Exchange ex, UserSession session) throws IOException {
        String since = ex.query().get("since");
        if (since == null) {
            ex.text(200, "text/csv", reports.region(ex.query().getOrDefault("region", "")));
            return 200;
        }
        LocalDate from;
        try {
            from = LocalDate.parse(since);
        } catch (DateTimeParseException e) {
            ex.error(400, "since must be a date like 2021-08-12, got " + since);
            return 400;
        }
        ex.text(200, "text/csv", reports.own(session.context().userId(), from, ex.query().getOrDefault("stage", "")));
        return 200;
    }

    private static long idAfter(String path, String prefix) {
        try {
            return Long.parseLong(path.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonObjectBuilder customerJson(Customer c) {
        return Json.createObjectBuilder().add("id", c.id()).add("name", c.name()).add("industry", c.industry())
                .add("city", c.city()).add("owner", c.ownerId());
    }

    private static JsonObjectBuilder dealJson(Deal d) {
        return Json.createObjectBuilder().add("id", d.id()).add("customerId", d.customerId())
                .add("owner", d.ownerId()).add("title", d.title()).add("stage", d.stage())
                .add("amountCents", d.amountCents()).add("closeDate", d.closeDate().toString());
    }
}
