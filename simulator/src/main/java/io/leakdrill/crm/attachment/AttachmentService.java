package io.leakdrill.crm.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Attachments on deals: stages each upload off the heap, has it scanned, files the verdict and tells staging the
 * scan is done. Both live uploads and the warm-up's replayed ones go through the same steps.
 */
public final class AttachmentService {

    private final AttachmentStagingSlot staging;
    private final VirusScanner scanner = new VirusScanner();
    private final RecentAttachments recent = new RecentAttachments(300);
    private final LongSupplier clock;

    public AttachmentService(AttachmentStagingSlot staging, LongSupplier clock) {
        this.staging = staging;
        this.clock = clock;
    }

    /**
     * Stages, scans and files one upload of {@code length} bytes read from {@code body}.
     *
     * @throws OutOfMemoryError when direct buffer memory has no room for the upload or for its scan
     */
    public AttachmentInfo upload(UploadRequest request, InputStream body, int length) throws IOException {
        UploadStaging stage = staging.staging();
        StagedUpload upload = stage.stage(request, body, length);
        ScanVerdict verdict;
        try {
            verdict = scanner.scan(upload.content(), request.contentType());
        } catch (RuntimeException | Error e) {
            stage.scanFailed(upload);
            throw e;
        }
        stage.scanned(upload, verdict);
        AttachmentInfo info = new AttachmentInfo(upload.id(), request.dealId(), request.fileName(),
                request.contentType(), verdict.sniffedType(), length, verdict.crc32c(), verdict.infected(),
                request.uploadedBy(), clock.getAsLong());
        recent.add(info);
        return info;
    }

    /** An upload from weeks ago, replayed from bytes in memory through the same steps as a live one. */
    public void replay(UploadRequest request, byte[] content, int length) {
        try {
            upload(request, new ByteArrayInputStream(content, 0, length), length);
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory upload cannot fail to read", e);
        }
    }

    /** The newest attachments filed, for the dashboard. */
    public List<AttachmentInfo> recent(int count) {
        return recent.newest(count);
    }
}
