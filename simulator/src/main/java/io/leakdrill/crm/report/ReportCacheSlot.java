package io.leakdrill.crm.report;

import io.leakdrill.crm.DeployableComponent;
import java.util.function.LongSupplier;

/**
 * The deployable slot for the {@code report-cache} component: the version the CRM started with, and the fixed one
 * swapped in when its patch is deployed.
 */
public final class ReportCacheSlot implements DeployableComponent {

    public static final String COMPONENT = "report-cache";

    private final int maxReports;
    private final long ttlMillis;
    private final LongSupplier clock;
    private volatile ReportCache active;

    public ReportCacheSlot(String version, int maxReports, long ttlMillis, LongSupplier clock) {
        this.maxReports = maxReports;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.active = "expiring".equals(version) ? new ExpiringReportCache(maxReports, ttlMillis, clock)
                : new PipelineReportCache(ttlMillis, clock);
    }

    public ReportCache cache() {
        return active;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public String implementation() {
        return cache().implementation();
    }

    @Override
    public synchronized boolean deploy(String version) {
        if ("expiring".equals(version) && active instanceof PipelineReportCache original) {
            // Without the fresh reports the fixed cache would start empty and fill for a time to live: 5 real
            // seconds, 20 incident minutes at the self-test's x240, which read as growth after the fix.
            ExpiringReportCache fixed = new ExpiringReportCache(maxReports, ttlMillis, clock);
            original.handOverTo(fixed);
            active = fixed;
            return true;
        }
        return "expiring".equals(version) || "original".equals(version);
    }
}
