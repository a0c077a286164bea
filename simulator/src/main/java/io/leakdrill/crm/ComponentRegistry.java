package io.leakdrill.crm;

import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.PipelineLine;
import io.leakdrill.crm.mail.DealNotifications;
import io.leakdrill.crm.mail.MailOutboxSlot;
import io.leakdrill.crm.report.PipelineReports;
import io.leakdrill.crm.report.ReportCacheSlot;
import io.leakdrill.crm.session.DealSummary;
import io.leakdrill.crm.session.LoginService;
import io.leakdrill.crm.session.SessionCacheSlot;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The CRM's deployable components by id: hot-deploys a new version of one, and replays the weeks of ordinary use
 * that grew a component's state before the incident begins.
 */
public final class ComponentRegistry {

    private final SessionCacheSlot sessions;
    private final LoginService logins;
    private final ReportCacheSlot reportCache;
    private final PipelineReports reports;
    private final MailOutboxSlot outbox;
    private final DealNotifications notifications;
    private final CrmRepository repository;

    public ComponentRegistry(SessionCacheSlot sessions, LoginService logins, ReportCacheSlot reportCache,
            PipelineReports reports, MailOutboxSlot outbox, DealNotifications notifications,
            CrmRepository repository) {
        this.sessions = sessions;
        this.logins = logins;
        this.reportCache = reportCache;
        this.reports = reports;
        this.outbox = outbox;
        this.notifications = notifications;
        this.repository = repository;
    }

    /** Deploys a version of a component; the implementation now running, or empty if there is no such version. */
    public Optional<String> deploy(String component, String version) {
        switch (component) {
            case SessionCacheSlot.COMPONENT:
                return sessions.deploy(version) ? Optional.of(sessions.cache().implementation()) : Optional.empty();
            case ReportCacheSlot.COMPONENT:
                return reportCache.deploy(version) ? Optional.of(reportCache.cache().implementation())
                        : Optional.empty();
            case MailOutboxSlot.COMPONENT:
                return outbox.deploy(version) ? Optional.of(outbox.outbox().implementation()) : Optional.empty();
            case "deals-repository":
                if ("indexed".equals(version)) {
                    repository.indexDealsByCustomer();
                    return Optional.of("indexed");
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /**
     * Replays {@code count} past uses of a component through its own code path, as weeks of traffic would have:
     * log-ins for the session cache, personal pipeline exports since a date for the report cache, deal
     * notifications still waiting in the mail outbox since the morning's rush.
     *
     * @return the old generation after a full GC just before and just after the replay
     */
    public long[] replayHistory(String component, int count, long seed, LongSupplier oldAfterFullGc) {
        // One read of every rep's pipeline instead of a query per use keeps the drill's start fast. The read also
        // fills the repository's shared values, so both measurements (old generation after a full GC, before and
        // after the replay) hold it and their difference is what the component kept.
        Map<String, List<PipelineLine>> pipelines = repository.pipelines();
        long before = oldAfterFullGc.getAsLong();
        List<String> reps = List.copyOf(pipelines.keySet());
        Random random = new Random(seed);
        Map<String, List<DealSummary>> dashboards = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String rep = reps.get(i % reps.size());
            if (MailOutboxSlot.COMPONENT.equals(component)) {
                List<PipelineLine> pipeline = pipelines.get(rep);
                notifications.replay(pipeline.get(random.nextInt(pipeline.size())), rep,
                        dashboards.computeIfAbsent(rep, r -> LoginService.dashboard(pipeline)));
            } else if (ReportCacheSlot.COMPONENT.equals(component)) {
                reports.replayOwn(rep, LocalDate.of(2020, 1, 1).plusDays(random.nextInt(730)), "",
                        pipelines.get(rep));
            } else {
                logins.replay(rep, pipelines.get(rep));
            }
        }
        return new long[] {before, oldAfterFullGc.getAsLong()};
    }
}
