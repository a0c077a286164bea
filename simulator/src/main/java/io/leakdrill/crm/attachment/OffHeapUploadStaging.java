package io.leakdrill.crm.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Upload staging as first shipped: each upload gets a direct buffer of its own, registered under its id until the
 * document store confirms it has filed the bytes. That confirmation callback was never wired, so only quarantined
 * uploads are ever released; every clean upload's buffer stays registered, off the heap, for the life of the process.
 */
final class OffHeapUploadStaging implements UploadStaging {

    // Static so that the scan callbacks, wherever they run, find the upload they refer to: the reason it outlives
    // every request.
    private static final Map<String, StagedUpload> PENDING_SCANS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final LongSupplier clock;

    OffHeapUploadStaging(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public StagedUpload stage(UploadRequest request, InputStream body, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(length);
        DirectStaging.fill(buffer, body, length);
        StagedUpload upload = new StagedUpload("upl-" + Long.toString(IDS.incrementAndGet(), 36), request,
                clock.getAsLong(), buffer);
        PENDING_SCANS.put(upload.id(), upload);
        return upload;
    }

    @Override
    public void scanned(StagedUpload upload, ScanVerdict verdict) {
        // The verdict waits with the upload for the document store, which files both.
        upload.recordVerdict(verdict);
        if (verdict.infected()) {
            // Quarantine keeps only the verdict; the bytes must not be served, so they go at once.
            PENDING_SCANS.remove(upload.id());
        }
        // A clean upload is released by DocumentStore's stored-callback, which nothing registers.
    }

    @Override
    public void scanFailed(StagedUpload upload) {
        // Left pending for the rescan job, which was planned with the stored-callback and never written either.
    }

    @Override
    public int pending() {
        return PENDING_SCANS.size();
    }

    @Override
    public String implementation() {
        return "OffHeapUploadStaging";
    }

    /** Hands staging over to a fixed implementation: the static map lets go, and the GC frees the buffers. */
    void abandon() {
        PENDING_SCANS.clear();
    }
}
