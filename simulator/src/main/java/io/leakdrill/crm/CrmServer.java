package io.leakdrill.crm;

import io.leakdrill.crm.audit.AuditTrail;
import io.leakdrill.crm.audit.DealChangeCounter;
import io.leakdrill.crm.audit.RecentDealChanges;
import io.leakdrill.crm.attachment.AttachmentService;
import io.leakdrill.crm.attachment.AttachmentStagingSlot;
import io.leakdrill.crm.attachment.UploadHistory;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.DatabasePool;
import io.leakdrill.crm.http.AdminHandler;
import io.leakdrill.crm.http.ApiHandler;
import io.leakdrill.crm.live.DealRoomSlot;
import io.leakdrill.crm.imports.BulkImportSlot;
import io.leakdrill.crm.quote.QuoteService;
import io.leakdrill.crm.quote.QuoteTemplateLibrary;
import io.leakdrill.crm.quote.QuoteTemplateSlot;
import io.leakdrill.crm.mail.DealNotifications;
import io.leakdrill.crm.mail.MailOutboxSlot;
import io.leakdrill.crm.mail.MailSettings;
import io.leakdrill.crm.report.PipelineReports;
import io.leakdrill.crm.report.ReportCacheSlot;
import io.leakdrill.crm.session.LoginService;
import io.leakdrill.crm.session.SessionCacheSlot;
import io.leakdrill.crm.telemetry.DatabaseStats;
import io.leakdrill.crm.telemetry.GcWatcher;
import io.leakdrill.crm.telemetry.MetricsReport;
import io.leakdrill.crm.telemetry.MonitorCost;
import io.leakdrill.crm.telemetry.RequestStats;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** The mock CRM: its data, its components and its HTTP API on a loopback port. */
public final class CrmServer {

    private static final int WORKERS = 16;

    private final HttpServer http;
    private final ThreadPoolExecutor workers;

    public CrmServer(CrmSettings settings, CrmLog log) throws IOException {
        LongSupplier clock = System::currentTimeMillis;
        // Every request runs on one of these threads, and they live as long as the process: what a worker's
        // thread-locals hold stays until something removes it.
        AtomicInteger ids = new AtomicInteger();
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "http-worker-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        DatabaseStats database = new DatabaseStats();
        CrmRepository repository = new CrmRepository(new DatabasePool(settings.dbUrl(), settings.dbUser(),
                settings.dbPassword(), log, database));
        if ("indexed".equals(settings.component("deals-repository", ""))) {
            repository.indexDealsByCustomer();
        }
        // Idle sessions expire after 10 incident minutes; the drill tells us how fast incident time runs.
        long idleMillis = (long) (10 * 60_000 / settings.clockSpeed());
        SessionCacheSlot sessions = new SessionCacheSlot(
                settings.component(SessionCacheSlot.COMPONENT, "original"), 150, idleMillis, clock);
        LoginService logins = new LoginService(repository, sessions, clock);
        // Reports stay fresh for 5 real seconds: long enough to reach the old generation before they die.
        ReportCacheSlot reportCache = new ReportCacheSlot(settings.component(ReportCacheSlot.COMPONENT, "expiring"),
                200, 5_000, clock);
        PipelineReports reports = new PipelineReports(repository, reportCache);
        // What follows deal changes for the life of the CRM subscribes once, here; live deal rooms come and go.
        DealChangeCounter changeCounter = new DealChangeCounter();
        RecentDealChanges recentChanges = new RecentDealChanges(50);
        AuditTrail.subscribe(changeCounter);
        AuditTrail.subscribe(recentChanges);
        DealRoomSlot rooms = new DealRoomSlot(settings.component(DealRoomSlot.COMPONENT, "unsubscribing"), 500,
                idleMillis, clock);
        BulkImportSlot imports = new BulkImportSlot(settings.component(BulkImportSlot.COMPONENT, "scoped"),
                repository, log, clock);
        AttachmentStagingSlot staging = new AttachmentStagingSlot(
                settings.component(AttachmentStagingSlot.COMPONENT, "pooled"), clock);
        AttachmentService attachments = new AttachmentService(staging, clock);
        QuoteTemplateLibrary quoteLibrary = new QuoteTemplateLibrary();
        QuoteTemplateSlot quoteTemplates = new QuoteTemplateSlot(
                settings.component(QuoteTemplateSlot.COMPONENT, "parameterized"), quoteLibrary);
        // Quote numbers carry on from the seed's history, so two drills with one seed number quotes alike.
        QuoteService quotes = new QuoteService(repository, quoteTemplates, quoteLibrary,
                40_000 + Math.floorMod(settings.seed(), 10_000));
        MailOutboxSlot outbox = new MailOutboxSlot(settings.component(MailOutboxSlot.COMPONENT, "bounded"),
                new MailSettings(settings.mailRelayPort(), settings.clockSpeed(), log));
        DealNotifications notifications = new DealNotifications(repository, outbox, clock);
        RequestStats stats = new RequestStats();
        // The heap floor is the lowest old-generation reading over the last five incident minutes.
        GcWatcher gc = new GcWatcher((long) (5 * 60_000 / settings.clockSpeed()));

        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        http.createContext("/api/", new ApiHandler(repository, logins, sessions, reports, rooms, recentChanges,
                changeCounter, imports, attachments, quotes, notifications, stats, log, clock,
                settings.crashOnOutOfMemory()));
        MonitorCost monitorCost = new MonitorCost();
        ComponentRegistry components = new ComponentRegistry(sessions, logins, reportCache, reports, rooms, imports,
                staging, new UploadHistory(attachments), quoteTemplates, quotes, outbox, notifications, repository,
                workers);
        http.createContext("/admin/", new AdminHandler(settings.adminToken(), new MetricsReport(gc, stats, database,
                monitorCost), monitorCost, gc, components, settings.seed(), log));
        http.setExecutor(workers);
    }

    public int start() {
        http.start();
        return http.getAddress().getPort();
    }
}
