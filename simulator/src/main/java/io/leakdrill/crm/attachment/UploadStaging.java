package io.leakdrill.crm.attachment;

import java.io.IOException;
import java.io.InputStream;

/** Where uploads wait, off the heap, between arriving and passing the virus scan. */
interface UploadStaging {

    /**
     * Copies {@code length} bytes of {@code body} into a direct buffer and registers the upload as pending.
     *
     * @throws OutOfMemoryError when direct buffer memory (-XX:MaxDirectMemorySize) cannot hold it
     */
    StagedUpload stage(UploadRequest request, InputStream body, int length) throws IOException;

    /** The scan has decided; the implementation decides what becomes of the staged bytes. */
    void scanned(StagedUpload upload, ScanVerdict verdict);

    /** The scan could not run (it found no memory for its work area, say); the upload was not filed. */
    void scanFailed(StagedUpload upload);

    /** Uploads registered and not yet released. */
    int pending();

    /** The implementation's name as the deploy log shows it. */
    String implementation();
}
