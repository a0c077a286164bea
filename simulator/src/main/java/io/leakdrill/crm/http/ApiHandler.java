package io.leakdrill.crm.http;

import io.leakdrill.crm.CrmLog;
import io.leakdrill.crm.CrmParts;
import io.leakdrill.crm.audit.AuditTrail;
import io.leakdrill.crm.audit.DealChanged;
import io.leakdrill.crm.audit.DealChangeCounter;
import io.leakdrill.crm.audit.RecentDealChanges;
import io.leakdrill.crm.attachment.AttachmentInfo;
import io.leakdrill.crm.attachment.AttachmentService;
import io.leakdrill.crm.attachment.AttachmentStagingSlot;
import io.leakdrill.crm.attachment.UploadRequest;
import io.leakdrill.crm.data.Contact;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Customer;
import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.live.DealCard;
import io.leakdrill.crm.live.DealRoomSlot;
import io.leakdrill.crm.live.DealRoomWatcher;
import io.leakdrill.crm.imports.BulkImportSlot;
import io.leakdrill.crm.imports.ImportResult;
import io.leakdrill.crm.quote.QuoteService;
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
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The CRM's public API: log in, search and open customers, create and update deals (one at a time or a bulk import),
 * attach files to deals, tell a deal's team about it, export the pipeline, send quotes, and open the live deal room.
 */
public final class ApiHandler implements HttpHandler {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
    private static final int MAX_IMPORT_BYTES = 512 * 1024;

    private final CrmRepository repository;
    private final LoginService logins;
    private final SessionCacheSlot sessions;
    private final RequestStats stats;
    private final CrmLog log;
    private final LongSupplier clock;
    private final boolean crashOnOutOfMemory;
    private final PipelineReports reports;
    private final DealRoomSlot rooms;
    private final RecentDealChanges recentChanges;
    private final DealChangeCounter changeCounter;
    private final BulkImportSlot imports;
    private final AttachmentService attachments;
    private final QuoteService quotes;
    private final DealNotifications notifications;

    public ApiHandler(CrmParts parts, RequestStats stats, CrmLog log, LongSupplier clock,
            boolean crashOnOutOfMemory) {
        this.repository = parts.repository();
        this.logins = parts.logins();
        this.sessions = parts.sessions();
        this.reports = parts.reports();
        this.rooms = parts.rooms();
        this.recentChanges = parts.recentChanges();
        this.changeCounter = parts.changeCounter();
        this.imports = parts.imports();
        this.attachments = parts.attachments();
        this.quotes = parts.quotes();
        this.notifications = parts.notifications();
        this.stats = stats;
        this.log = log;
        this.clock = clock;
        this.crashOnOutOfMemory = crashOnOutOfMemory;
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
            // The message is built without `+`, whose first use would need metaspace that may be what ran out.
            log.error(new StringBuilder("request ").append(exchange.method()).append(' ').append(exchange.path())
                    .append(" failed").toString(), oom);
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
        if (method.equals("POST") && path.equals("/api/deals/bulk")) {
            return bulkImport(ex, session.get());
        }
        if (method.equals("POST") && path.equals("/api/deals")) {
            return createDeal(ex, session.get());
        }
        if (method.equals("POST") && path.startsWith("/api/deals/") && path.endsWith("/attachments")) {
            return attach(ex, idAfter(path.substring(0, path.length() - "/attachments".length()), "/api/deals/"),
                    session.get());
        }
        if (method.equals("POST") && path.startsWith("/api/deals/") && path.endsWith("/notify")) {
            return notifyTeam(ex, session.get(), idAfter(path.substring(0, path.length() - "/notify".length()),
                    "/api/deals/"));
        }
        if (method.equals("PUT") && path.startsWith("/api/deals/")) {
            return updateDeal(ex, idAfter(path, "/api/deals/"));
        }
        if (method.equals("GET") && path.equals("/api/attachments/recent")) {
            return recentAttachments(ex);
        }
        if (method.equals("GET") && path.equals("/api/reports/pipeline")) {
            return exportPipeline(ex, session.get());
        }
        if (method.equals("GET") && path.equals("/api/deal-room")) {
            return openDealRoom(ex, session.get());
        }
        if (method.equals("GET") && path.startsWith("/api/deal-room/")) {
            return pollDealRoom(ex, path.substring("/api/deal-room/".length()));
        }
        if (method.equals("POST") && path.equals("/api/quotes")) {
            return createQuote(ex, session.get());
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
        AuditTrail.publish(DealChanged.of(deal, clock.getAsLong()));
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
        AuditTrail.publish(DealChanged.of(updated.get(), clock.getAsLong()));
        ex.json(200, dealJson(updated.get()).build());
        return 200;
    }

    private int bulkImport(Exchange ex, UserSession session) throws IOException {
        Optional<String> csv = ex.textBody(MAX_IMPORT_BYTES);
        if (csv.isEmpty()) {
            ex.error(413, "an import file may hold at most " + MAX_IMPORT_BYTES / 1024 + " KB");
            return 413;
        }
        ImportResult result = imports.importer().importCsv(session.context().userId(), csv.get());
        JsonArrayBuilder rejected = Json.createArrayBuilder();
        result.rejected().stream().limit(20).forEach(rejected::add);
        ex.json(200, Json.createObjectBuilder().add("batch", result.batch()).add("rows", result.rows())
                .add("updated", result.changed()).add("rejected", rejected).build());
        return 200;
    }

    private int attach(Exchange ex, long dealId, UserSession session) throws IOException {
        long length = ex.contentLength();
        if (length < 0) {
            ex.error(411, "an attachment needs a Content-Length");
            return 411;
        }
        if (length == 0 || length > AttachmentStagingSlot.MAX_UPLOAD_BYTES) {
            ex.error(413, "attachments must be 1 byte to " + AttachmentStagingSlot.MAX_UPLOAD_BYTES / 1024 / 1024
                    + " MB, got " + length + " bytes");
            return 413;
        }
        if (!repository.dealExists(dealId)) {
            ex.error(404, "no deal " + dealId);
            return 404;
        }
        String name = ex.query().getOrDefault("name", "attachment");
        String type = Optional.ofNullable(ex.header("Content-Type")).orElse("application/octet-stream");
        AttachmentInfo info = attachments.upload(new UploadRequest(dealId, name, type,
                session.context().userId()), ex.body(), (int) length);
        ex.json(201, Json.createObjectBuilder().add("id", info.id()).add("dealId", info.dealId())
                .add("name", info.fileName()).add("bytes", info.bytes())
                .add("crc32c", Long.toHexString(info.crc32c()))
                .add("status", info.quarantined() ? "quarantined" : "clean").build());
        return 201;
    }

    // The dashboard's activity feed: the newest attachments filed, whoever filed them.
    private int recentAttachments(Exchange ex) throws IOException {
        JsonArrayBuilder feed = Json.createArrayBuilder();
        for (AttachmentInfo info : attachments.recent(20)) {
            feed.add(Json.createObjectBuilder().add("id", info.id()).add("dealId", info.dealId())
                    .add("name", info.fileName()).add("bytes", info.bytes()).add("by", info.uploadedBy())
                    .add("status", info.quarantined() ? "quarantined" : "clean"));
        }
        ex.json(200, Json.createObjectBuilder().add("attachments", feed).build());
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

    // The rep's board of open deals, live: the room stays subscribed to deal changes so the page can poll for moves.
    private int openDealRoom(Exchange ex, UserSession session) throws IOException {
        String rep = session.context().userId();
        DealRoomWatcher room = rooms.rooms().open(session.id(), rep, repository.pipelineOf(rep));
        ex.text(200, "application/json", roomJson(room, recentChanges.latest(5), changeCounter.total(),
                changeCounter.byStage()));
        return 200;
    }

    private int pollDealRoom(Exchange ex, String roomId) throws IOException {
        Optional<DealRoomWatcher> room = rooms.rooms().find(roomId);
        if (room.isEmpty()) {
            ex.error(410, "deal room " + roomId + " is closed; open it again");
            return 410;
        }
        ex.text(200, "application/json", roomJson(room.get(), List.of(), changeCounter.total(),
                changeCounter.byStage()));
        return 200;
    }

    // Streamed rather than built as a tree first: a board has a couple of hundred cards and reps open it all day.
    private static String roomJson(DealRoomWatcher room, List<DealChanged> recentMoves, long movesSinceStart,
            Map<String, Long> changeCounts) {
        StringWriter text = new StringWriter(32 * 1024);
        try (JsonGenerator json = GENERATORS.createGenerator(text)) {
            json.writeStartObject().write("room", room.id()).write("owner", room.ownerId())
                    .write("moves", room.moves()).write("movesSinceStart", movesSinceStart);
            json.writeStartObject("movesByStage");
            changeCounts.forEach(json::write);
            json.writeEnd();
            json.writeStartArray("cards");
            for (DealCard card : room.cards()) {
                json.writeStartObject().write("id", card.dealId()).write("customer", card.customer())
                        .write("title", card.title()).write("stage", card.stage()).write("amount", card.amount())
                        .write("closes", card.closes()).writeEnd();
            }
            json.writeEnd().writeStartArray("recentMoves");
            for (DealChanged change : recentMoves) {
                json.writeStartObject().write("deal", change.dealId()).write("owner", change.ownerId())
                        .write("stage", change.stage()).write("amountCents", change.amountCents()).writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        return text.toString();
    }

    private int createQuote(Exchange ex, UserSession session) throws IOException {
        JsonObject body = ex.jsonBody();
        String template = body.getString("template", "standard");
        if (!quotes.knowsTemplate(template) || !body.containsKey("customerId")) {
            ex.error(400, "give a customerId and a template the library has, got " + body);
            return 400;
        }
        long customerId = body.getJsonNumber("customerId").longValue();
        Optional<QuoteService.Quote> quote = quotes.create(session.context().userId(), customerId, template,
                body.getInt("discountPercent", 0));
        if (quote.isEmpty()) {
            ex.error(404, "no customer " + customerId);
            return 404;
        }
        // The quote goes out by e-mail; the rep's screen only needs to know it was sent.
        ex.json(201, Json.createObjectBuilder().add("quote", quote.get().number())
                .add("customerId", quote.get().customerId()).add("template", quote.get().templateId())
                .add("emailBytes", quote.get().email().length)
                .add("documentBytes", quote.get().document().length).build());
        return 201;
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
