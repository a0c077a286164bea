package io.leakdrill.scenario;

import io.leakdrill.world.monitor.MemoryArea;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM components a scenario can name, the code versions each ships in, and which of them can leak. The CRM's
 * own code is the other half of this list; a scenario naming anything else is rejected before the drill starts.
 */
public enum CrmComponents {
    SESSION_CACHE("session-cache", MemoryArea.HEAP,
            new Evidence("io.leakdrill.crm.session.DealSummary",
                    "static SESSIONS of io.leakdrill.crm.session.ConcurrentSessionCache"),
            "original", "evicting"),
    REPORT_CACHE("report-cache", MemoryArea.HEAP,
            // A cached report is a small record owning a large body: the histogram shows the bodies ([B) growing,
            // and only the path to GC roots names their owner.
            new Evidence("[B",
                    "static REPORTS of io.leakdrill.crm.report.PipelineReportCache"),
            "original", "expiring"),
    DEAL_WATCHERS("deal-watchers", MemoryArea.HEAP,
            new Evidence("io.leakdrill.crm.live.DealCard",
                    "static LISTENERS of io.leakdrill.crm.audit.AuditTrail"),
            "original", "unsubscribing"),
    BULK_IMPORT("bulk-import", MemoryArea.HEAP,
            new Evidence("io.leakdrill.crm.imports.DealChange", "java.lang.Thread.threadLocals"),
            "original", "scoped"),
    ATTACHMENT_STORE("attachment-store", MemoryArea.NATIVE,
            new Evidence("io.leakdrill.crm.attachment.StagedUpload",
                    "static PENDING_SCANS of io.leakdrill.crm.attachment.OffHeapUploadStaging"),
            "original", "pooled"),
    QUOTE_TEMPLATES("quote-templates", MemoryArea.METASPACE,
            new Evidence("io.leakdrill.crm.quote.TemplateClassLoader",
                    "static COMPILED of io.leakdrill.crm.quote.QuoteTemplateCache"),
            "original", "parameterized"),
    // A team notice is one e-mail each for the deal's owner, the requesting rep, the sales managers, the deal desk
    // and revenue operations; four when the requester owns the deal (one deal in forty). The original outbox has one
    // sender.
    MAIL_OUTBOX("mail-outbox", MemoryArea.HEAP,
            new Evidence("io.leakdrill.crm.mail.MailMessage", "io.leakdrill.crm.mail.MailOutbox.pending"),
            new Backlog(5 - 1 / 40.0, 1), "original", "bounded"),
    DEALS_REPOSITORY("deals-repository", MemoryArea.HEAP, null, (String) null, "plain", "indexed");

    /**
     * What the JDK's tools show of this component's leak: the class whose instances grow in {@code heap diff} (and
     * that {@code heap roots} traces), and the text the GC-root path names, the field that holds them.
     */
    public record Evidence(String leakClass, String retainedBy) {
    }

    /**
     * A backlog rather than a plain leak: each use queues {@code itemsPerUse} items, and the leaky version hands
     * them on through {@code consumers} connections to the mail relay, each at the relay's pace.
     */
    public record Backlog(double itemsPerUse, int consumers) {
    }

    private final String id;
    private final MemoryArea area;
    private final Evidence evidence;
    private final Backlog backlog;
    private final String leakyVersion;
    private final String soundVersion;
    private final Set<String> versions;

    CrmComponents(String id, MemoryArea area, Evidence evidence, String leakyVersion, String soundVersion,
            String... others) {
        this(id, area, evidence, null, leakyVersion, soundVersion, others);
    }

    CrmComponents(String id, MemoryArea area, Evidence evidence, Backlog backlog, String leakyVersion,
            String soundVersion, String... others) {
        this.id = id;
        this.area = area;
        this.evidence = evidence;
        this.backlog = backlog;
        this.leakyVersion = leakyVersion;
        this.soundVersion = soundVersion;
        java.util.Set<String> all = new java.util.TreeSet<>(List.of(others));
        all.add(soundVersion);
        if (leakyVersion != null) {
            all.add(leakyVersion);
        }
        this.versions = Set.copyOf(all);
    }

    public String id() {
        return id;
    }

    /** Where this component's leak piles up: what the drill paces and what runs out. */
    public MemoryArea area() {
        return area;
    }

    /** What the tools show when this component leaks; null for a component that cannot. */
    public Evidence evidence() {
        return evidence;
    }

    /** How its leaky version drains, if what it holds is a backlog that a consumer works off. */
    public Optional<Backlog> backlog() {
        return Optional.ofNullable(backlog);
    }

    /** The shape of this component's leak, as `diagnose --pattern` names it; empty for one that cannot leak. */
    public Optional<LeakPattern> pattern() {
        return Optional.ofNullable(switch (this) {
            case SESSION_CACHE, REPORT_CACHE -> LeakPattern.UNBOUNDED_CACHE;
            case DEAL_WATCHERS -> LeakPattern.LAPSED_LISTENER;
            case BULK_IMPORT -> LeakPattern.THREADLOCAL;
            case ATTACHMENT_STORE -> LeakPattern.OFF_HEAP;
            case QUOTE_TEMPLATES -> LeakPattern.CLASSLOADER;
            case MAIL_OUTBOX -> LeakPattern.UNBOUNDED_QUEUE;
            case DEALS_REPOSITORY -> null;
        });
    }

    public boolean canLeak() {
        return leakyVersion != null;
    }

    /**
     * The version the CRM runs at the start of a drill: the leaky one if this component is the one that leaks. The
     * leaky version is called "original" so that nothing the trainee sees names it as the culprit.
     */
    public String startVersion(boolean leaking) {
        return leaking ? leakyVersion : soundVersion;
    }

    public Set<String> versions() {
        return versions;
    }

    public static Optional<CrmComponents> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(CrmComponents::id).toList());
    }
}
