package io.leakdrill.crm;

import io.leakdrill.crm.attachment.AttachmentStagingSlot;
import io.leakdrill.crm.attachment.UploadHistory;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.PipelineLine;
import io.leakdrill.crm.live.DealRoomSlot;
import io.leakdrill.crm.imports.BulkImportSlot;
import io.leakdrill.crm.imports.ImportHistory;
import io.leakdrill.crm.quote.QuoteService;
import io.leakdrill.crm.quote.QuoteTemplateSlot;
import io.leakdrill.crm.mail.DealNotifications;
import io.leakdrill.crm.mail.MailOutboxSlot;
import io.leakdrill.crm.report.PipelineReports;
import io.leakdrill.crm.report.ReportCacheSlot;
import io.leakdrill.crm.session.DealSummary;
import io.leakdrill.crm.session.LoginService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * The CRM's deployable components by id: hot-deploys a new version of one, and replays the weeks of ordinary use
 * that grew a component's state before the incident begins.
 */
public final class ComponentRegistry {

    private final Map<String, DeployableComponent> deployables = new HashMap<>();
    private final LoginService logins;
    private final PipelineReports reports;
    private final DealRoomSlot rooms;
    private final BulkImportSlot imports;
    private final QuoteService quotes;
    private final DealNotifications notifications;
    private final CrmRepository repository;
    private final UploadHistory uploads;
    private final Executor workers;

    /** @param workers the request workers: imports keep their context per worker thread, so replays run there too */
    public ComponentRegistry(CrmParts parts, Executor workers) {
        parts.deployables().forEach(d -> deployables.put(d.component(), d));
        this.logins = parts.logins();
        this.reports = parts.reports();
        this.rooms = parts.rooms();
        this.imports = parts.imports();
        this.quotes = parts.quotes();
        this.notifications = parts.notifications();
        this.repository = parts.repository();
        this.uploads = new UploadHistory(parts.attachments());
        this.workers = workers;
    }

    /** Deploys a version of a component; the implementation now running, or empty if there is no such version. */
    public Optional<String> deploy(String component, String version) {
        return Optional.ofNullable(deployables.get(component)).filter(d -> d.deploy(version))
                .map(DeployableComponent::implementation);
    }

    /**
     * How many more uses to replay, from the area's use after a full GC before the probe, after it, and now: asked
     * once after the probe and once more after the pipelines the replay read are let go.
     */
    @FunctionalInterface
    public interface Remaining {
        int after(long before, long afterProbe, long now);
    }

    /**
     * The area's use after a full GC: before the replay, after the probe, after the rest with the replay's pipelines
     * still held, and once they were let go (before any top-up).
     */
    public record Replayed(long before, long afterProbe, long held, long released) {

        /** What the replay's read of the pipelines weighed while it held them. */
        public long pipelines() {
            return Math.max(0, held - released);
        }
    }

    // The main pass: what it measured, how many uses it replayed, and one rep's pipeline for the top-up.
    private record MainPass(long before, long afterProbe, long held, int used, String rep, List<PipelineLine> kept) {
    }

    /**
     * Replays past uses of a component through its own code path, as weeks of traffic would have: log-ins for the
     * session cache, personal pipeline exports since a date for the report cache, live deal rooms opened (each from a
     * page long gone) for the deal watchers, sales ops' bulk imports of deal changes for the bulk import,
     * attachments uploaded to deals for the attachment store, quotes sent on past days for the quote templates, deal
     * notifications still waiting in the mail outbox since the morning's rush. First {@code probe} uses, then as many
     * more as {@code remaining} asks for once it knows what the probe kept: one pass, one read of the pipelines.
     * Those it aims with the pipelines held; once they are let go it tops up what they weighed, from one rep's.
     */
    public Replayed replayHistory(String component, int probe, long seed, LongSupplier usedAfterFullGc,
            Remaining remaining) {
        if (AttachmentStagingSlot.COMPONENT.equals(component)) {
            List<String> reps = repository.salesReps();
            long before = usedAfterFullGc.getAsLong();
            uploads.replay(probe, reps, seed);
            long afterProbe = usedAfterFullGc.getAsLong();
            int more = remaining.after(before, afterProbe, afterProbe);
            if (more <= 0) {
                return new Replayed(before, afterProbe, afterProbe, afterProbe);
            }
            uploads.replay(more, reps, seed + 1);
            long after = usedAfterFullGc.getAsLong();
            return new Replayed(before, afterProbe, after, after);
        }
        // In a frame of its own, so that its pipelines are unreachable once it returns.
        MainPass pass = replayWithPipelines(component, probe, seed, usedAfterFullGc, remaining);
        long released = usedAfterFullGc.getAsLong();
        int topUp = remaining.after(pass.before(), pass.afterProbe(), released);
        if (topUp > 0) {
            replayer(component, Map.of(pass.rep(), pass.kept()), new Random(seed + 1), new AtomicInteger(pass.used()))
                    .accept(topUp);
        }
        return new Replayed(pass.before(), pass.afterProbe(), pass.held(), released);
    }

    private MainPass replayWithPipelines(String component, int probe, long seed, LongSupplier usedAfterFullGc,
            Remaining remaining) {
        // One read of every rep's pipeline instead of a query per use keeps the drill's start fast, and it does not
        // wait for the pool to open. The read also fills the repository's shared values, so every measurement (old
        // generation after a full GC) holds it and their differences are what the component kept.
        Map<String, List<PipelineLine>> pipelines = repository.pipelines();
        // The pool's connections hold buffers: all of them must be in every measurement.
        awaitConnections();
        AtomicInteger used = new AtomicInteger();
        IntConsumer replay = replayer(component, pipelines, new Random(seed), used);
        if (BulkImportSlot.COMPONENT.equals(component) && probe > 0) {
            // The first import ever loads the parser's locale data (a few hundred KB, once per process): replay it
            // before measuring, so that the measurement holds only what imports leave behind.
            replay.accept(1);
            probe--;
        }
        long before = usedAfterFullGc.getAsLong();
        replay.accept(probe);
        long afterProbe = usedAfterFullGc.getAsLong();
        int more = remaining.after(before, afterProbe, afterProbe);
        long held = afterProbe;
        if (more > 0) {
            replay.accept(more);
            held = usedAfterFullGc.getAsLong();
        }
        String rep = pipelines.keySet().iterator().next();
        return new MainPass(before, afterProbe, held, used.get(), rep, pipelines.get(rep));
    }

    // Replays uses in turn over the reps; each call goes on where the last one stopped.
    private IntConsumer replayer(String component, Map<String, List<PipelineLine>> pipelines, Random random,
            AtomicInteger used) {
        List<String> reps = List.copyOf(pipelines.keySet());
        if (BulkImportSlot.COMPONENT.equals(component)) {
            return count -> replayImports(count, reps, pipelines, random);
        }
        Map<String, List<DealSummary>> dashboards = new ConcurrentHashMap<>();
        return count -> {
            // Each use draws its randomness here, in order, so a seed gives the same history however the uses are
            // then shared out.
            List<Runnable> uses = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                int i = used.getAndIncrement();
                uses.add(use(component, i, reps.get(i % reps.size()), pipelines, random, dashboards));
            }
            replaySideBySide(component, uses);
        };
    }

    /** The pool opens its connections in the background; their buffers must not count as what a component kept. */
    private void awaitConnections() {
        repository.awaitConnections(java.time.Duration.ofSeconds(2));
    }

    // One past use, its random choices drawn now.
    private Runnable use(String component, int i, String rep, Map<String, List<PipelineLine>> pipelines,
            Random random, Map<String, List<DealSummary>> dashboards) {
        List<PipelineLine> pipeline = pipelines.get(rep);
        if (DealRoomSlot.COMPONENT.equals(component)) {
            return () -> rooms.rooms().open("past-visit-" + i, rep, pipeline);
        } else if (MailOutboxSlot.COMPONENT.equals(component)) {
            PipelineLine line = pipeline.get(random.nextInt(pipeline.size()));
            return () -> notifications.replay(line, rep,
                    dashboards.computeIfAbsent(rep, r -> LoginService.dashboard(pipeline)));
        } else if (QuoteTemplateSlot.COMPONENT.equals(component)) {
            List<String> templates = quotes.templateIds();
            PipelineLine line = pipeline.get(random.nextInt(pipeline.size()));
            String template = templates.get(random.nextInt(templates.size()));
            LocalDate sentOn = LocalDate.of(2023, 9, 1).plusDays(random.nextInt(90));
            return () -> quotes.replay(rep, line, template, sentOn);
        } else if (ReportCacheSlot.COMPONENT.equals(component)) {
            LocalDate since = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(730));
            return () -> reports.replayOwn(rep, since, "", pipeline);
        }
        return () -> logins.replay(rep, pipeline);
    }

    // The drill's start waits for the replay, and the drill is idle meanwhile: every core replays a share, as the
    // CRM's workers would have served those requests side by side. Two stay in order: the outbox is a queue, so
    // its notifications stay in the order they were sent; and quotes fill metaspace, where a replay that runs it
    // out must fail on the thread that asked for it, as one request would, not on a worker beside it.
    private void replaySideBySide(String component, List<Runnable> uses) {
        boolean inOrder = MailOutboxSlot.COMPONENT.equals(component) || QuoteTemplateSlot.COMPONENT.equals(component);
        int shares = inOrder ? 1 : Math.min(uses.size(), Runtime.getRuntime().availableProcessors());
        if (shares <= 1) {
            uses.forEach(Runnable::run);
            return;
        }
        List<CompletableFuture<Void>> others = new ArrayList<>();
        int per = (uses.size() + shares - 1) / shares;
        for (int from = per; from < uses.size(); from += per) {
            List<Runnable> share = uses.subList(from, Math.min(uses.size(), from + per));
            others.add(CompletableFuture.runAsync(() -> share.forEach(Runnable::run), workers));
        }
        uses.subList(0, per).forEach(Runnable::run);
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
    }

    // Each import ran on whichever worker took its request; replaying them on the workers spreads what they left
    // over the pool as the live imports did. Seeds are drawn here, in order, so a seed gives the same history.
    private void replayImports(int count, List<String> reps, Map<String, List<PipelineLine>> pipelines,
            Random random) {
        CompletableFuture<?>[] replays = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            String rep = reps.get(i % reps.size());
            long seed = random.nextLong();
            replays[i] = CompletableFuture.runAsync(() -> {
                ImportHistory.Recorded recorded = ImportHistory.of(pipelines.get(rep), new Random(seed));
                imports.importer().replay(rep, recorded.csv(), recorded.before());
            }, workers);
        }
        CompletableFuture.allOf(replays).join();
    }
}
