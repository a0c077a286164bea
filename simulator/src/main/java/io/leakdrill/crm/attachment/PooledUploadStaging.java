package io.leakdrill.crm.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The fixed upload staging: buffers come from a small pool and go back to it as soon as the scan has decided,
 * whatever it decided, so direct memory stays at what the pool keeps.
 */
final class PooledUploadStaging implements UploadStaging {

    private final Map<String, StagedUpload> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final StagingBufferPool pool;
    private final LongSupplier clock;

    PooledUploadStaging(StagingBufferPool pool, LongSupplier clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public StagedUpload stage(UploadRequest request, InputStream body, int length) throws IOException {
        ByteBuffer buffer = pool.take(length);
        try {
            DirectStaging.fill(buffer, body, length);
        } catch (IOException | RuntimeException e) {
            pool.give(buffer);
            throw e;
        }
        StagedUpload upload = new StagedUpload("upl-" + Long.toString(ids.incrementAndGet(), 36), request,
                clock.getAsLong(), buffer);
        pending.put(upload.id(), upload);
        return upload;
    }

    @Override
    public void scanned(StagedUpload upload, ScanVerdict verdict) {
        release(upload);
    }

    @Override
    public void scanFailed(StagedUpload upload) {
        release(upload);
    }

    private void release(StagedUpload upload) {
        if (pending.remove(upload.id()) != null) {
            pool.give(upload.content());
        }
    }

    @Override
    public int pending() {
        return pending.size();
    }

    @Override
    public String implementation() {
        return "PooledUploadStaging";
    }
}
