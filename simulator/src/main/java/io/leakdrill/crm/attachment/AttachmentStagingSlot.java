package io.leakdrill.crm.attachment;

import java.util.function.LongSupplier;

/**
 * The deployable slot for the {@code attachment-store} component: the staging the CRM started with, and the pooled
 * one swapped in when its patch is deployed.
 */
public final class AttachmentStagingSlot {

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

    /** The implementation now running, as the deploy log shows it. */
    public String implementation() {
        return active.implementation();
    }

    /** Switches to the named version ("original" or "pooled"); returns false for an unknown one. */
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
