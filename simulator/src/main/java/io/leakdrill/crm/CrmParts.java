package io.leakdrill.crm;

import io.leakdrill.crm.attachment.AttachmentService;
import io.leakdrill.crm.attachment.AttachmentStagingSlot;
import io.leakdrill.crm.audit.AuditTrail;
import io.leakdrill.crm.audit.DealChangeCounter;
import io.leakdrill.crm.audit.RecentDealChanges;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.DealsRepositorySlot;
import io.leakdrill.crm.imports.BulkImportSlot;
import io.leakdrill.crm.live.DealRoomSlot;
import io.leakdrill.crm.mail.DealNotifications;
import io.leakdrill.crm.mail.MailOutboxSlot;
import io.leakdrill.crm.mail.MailSettings;
import io.leakdrill.crm.quote.QuoteService;
import io.leakdrill.crm.quote.QuoteTemplateLibrary;
import io.leakdrill.crm.quote.QuoteTemplateSlot;
import io.leakdrill.crm.report.PipelineReports;
import io.leakdrill.crm.report.ReportCacheSlot;
import io.leakdrill.crm.session.LoginService;
import io.leakdrill.crm.session.SessionCacheSlot;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The CRM's business components, each in the version the drill asked for, and the services built on them; the API
 * serves them and the admin endpoints deploy and replay them. A new component is added here once.
 */
public record CrmParts(CrmRepository repository, DealsRepositorySlot dealsIndex, SessionCacheSlot sessions,
        LoginService logins, ReportCacheSlot reportCache, PipelineReports reports, DealRoomSlot rooms,
        RecentDealChanges recentChanges, DealChangeCounter changeCounter, BulkImportSlot imports,
        AttachmentStagingSlot staging, AttachmentService attachments, QuoteTemplateSlot quoteTemplates,
        QuoteService quotes, MailOutboxSlot outbox, DealNotifications notifications) {

    /** Builds every component in the version {@code settings} names, or its sound version when it names none. */
    public static CrmParts assemble(CrmSettings settings, CrmRepository repository, CrmLog log, LongSupplier clock) {
        DealsRepositorySlot dealsIndex = new DealsRepositorySlot(repository,
                settings.component(DealsRepositorySlot.COMPONENT, "plain"));
        // Idle sessions expire after 10 incident minutes; the drill tells us how fast incident time runs.
        IdleLimit idle = IdleLimit.ofIncidentMinutes(10, settings.clockSpeed());
        SessionCacheSlot sessions = new SessionCacheSlot(settings.component(SessionCacheSlot.COMPONENT, "original"),
                150, idle, clock);
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
                idle, clock);
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
        return new CrmParts(repository, dealsIndex, sessions, logins, reportCache, reports, rooms, recentChanges,
                changeCounter, imports, staging, attachments, quoteTemplates, quotes, outbox, notifications);
    }

    /** Every component a deploy can swap. */
    public List<DeployableComponent> deployables() {
        return List.of(dealsIndex, sessions, reportCache, rooms, imports, staging, quoteTemplates, outbox);
    }
}
