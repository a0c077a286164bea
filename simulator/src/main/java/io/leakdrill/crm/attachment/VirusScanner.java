package io.leakdrill.crm.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * The virus scan. Each scan decodes the file into a native work area of its own (archives and PDF streams are
 * unpacked there), freed as soon as the scan ends. The engine that reads the work area is not thread-safe, so it
 * runs on its own thread while the upload waits: it looks for a known signature at the start, where the EICAR test
 * signature must sit, checksums the staged bytes in place and keeps the file's first bytes for its preview.
 */
final class VirusScanner {

    /** What a scan needs, whatever the file's size. */
    static final int WORK_AREA_BYTES = 3 * 1024 * 1024;

    private static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNATURE_WINDOW = 128;

    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attachment-scanner");
        t.setDaemon(true);
        return t;
    });

    /**
     * Scans the staged bytes and waits for the verdict.
     *
     * @throws OutOfMemoryError when direct buffer memory has no room left for the work area
     */
    ScanVerdict scan(ByteBuffer content, String contentType) {
        ByteBuffer work = ByteBuffer.allocateDirect(WORK_AREA_BYTES);
        try {
            ByteBuffer source = content.duplicate();
            source.limit(Math.min(source.limit(), WORK_AREA_BYTES));
            work.put(source).flip();
            Future<ScanVerdict> verdict = engine.submit(() -> inspect(work, content, contentType));
            return verdict.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a virus scan", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("virus scan failed", e.getCause());
        } finally {
            NativeRelease.free(work);
        }
    }

    private static ScanVerdict inspect(ByteBuffer work, ByteBuffer content, String contentType) {
        byte[] preview = new byte[Math.min(ScanVerdict.previewBytes(contentType), work.limit())];
        work.get(0, preview);
        CRC32C crc = new CRC32C();
        crc.update(content.duplicate());
        return new ScanVerdict(startsWithSignature(work), crc.getValue(), TypeSniffer.sniff(preview), preview);
    }

    private static boolean startsWithSignature(ByteBuffer content) {
        int window = Math.min(SIGNATURE_WINDOW, content.limit());
        for (int start = 0; start + EICAR.length <= window; start++) {
            int i = 0;
            while (i < EICAR.length && content.get(start + i) == EICAR[i]) {
                i++;
            }
            if (i == EICAR.length) {
                return true;
            }
        }
        return false;
    }
}
