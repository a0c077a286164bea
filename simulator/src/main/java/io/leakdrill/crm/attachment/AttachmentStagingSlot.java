package io.leakdrill.crm.attachment;

import io.leakdrill.crm.DeployableComponent;
import java.util.function.LongSupplier;

/**
 * The deployable slot for the {@code attachment-store} component: the staging the CRM started with, and the pooled
 * one swapped in when its patch is deployed.
 */
public final class AttachmentStagingSlot implements DeployableComponent {

    public static final String COMPONENT = "attachment-store";
    /** The largest attachment the API accepts. */
    public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    private static final int IDLE_BUFFERS_PER_SIZE = 4;

    private final LongSupplier clock;
    private volatile UploadStaging active;

    public AttachmentStagingSlot(String version, LongSupplier clock) {
        this.clock = clock;
        this.active = "pooled".equals(version) ? pooled() : new OffHeapUploadStaging(clock);
    }

    UploadStaging staging() {
        return active;
    }

    @Override
    public String implementation() {
        return active.implementation();
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public synchronized boolean deploy(String version) {
        if ("pooled".equals(version) && active instanceof OffHeapUploadStaging original) {
            active = pooled();
            original.abandon();
            return true;
        }
        return "pooled".equals(version) || "original".equals(version);
    }

    private UploadStaging pooled() {
        return new PooledUploadStaging(new StagingBufferPool(MAX_UPLOAD_BYTES, IDLE_BUFFERS_PER_SIZE), clock);
    }
}
