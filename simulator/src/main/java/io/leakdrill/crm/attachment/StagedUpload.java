package io.leakdrill.crm.attachment;

import java.nio.ByteBuffer;

/**
 * An upload waiting for its virus scan: which deal it belongs to, what it is, who sent it, and its bytes, held in a
 * direct buffer so that the scan engine reads them in place. Once scanned it also carries the verdict, for the
 * document store that files it.
 */
final class StagedUpload {

    private final String id;
    private final long dealId;
    private final String fileName;
    private final String contentType;
    private final String uploadedBy;
    private final long stagedAtMillis;
    private final ByteBuffer content;
    private volatile ScanVerdict verdict;

    StagedUpload(String id, UploadRequest request, long stagedAtMillis, ByteBuffer content) {
        this.id = id;
        this.dealId = request.dealId();
        this.fileName = request.fileName();
        this.contentType = request.contentType();
        this.uploadedBy = request.uploadedBy();
        this.stagedAtMillis = stagedAtMillis;
        this.content = content;
    }

    String id() {
        return id;
    }

    long dealId() {
        return dealId;
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    String uploadedBy() {
        return uploadedBy;
    }

    long stagedAtMillis() {
        return stagedAtMillis;
    }

    /** The staged bytes, from position 0 to the limit; callers read through a duplicate. */
    ByteBuffer content() {
        return content;
    }

    int size() {
        return content.limit();
    }

    void recordVerdict(ScanVerdict scanned) {
        this.verdict = scanned;
    }

    /** The scan's verdict, or null while the scan has not finished. */
    ScanVerdict verdict() {
        return verdict;
    }
}
