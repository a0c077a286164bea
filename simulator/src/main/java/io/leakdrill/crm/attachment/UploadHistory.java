package io.leakdrill.crm.attachment;

import java.util.List;
import java.util.Random;

/**
 * Weeks of past attachments, replayed before the incident: quotes, screenshots, signed contracts and price sheets,
 * sized as reps' uploads are (most of them tens of KB, one in ten a few hundred KB).
 */
public final class UploadHistory {

    private static final String[][] FILES = {
        {"quote", ".pdf", "application/pdf"},
        {"screenshot", ".png", "image/png"},
        {"signed-contract", ".pdf", "application/pdf"},
        {"pricing", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    };
    private static final double GOLDEN = 0.6180339887498949;

    private final AttachmentService attachments;

    public UploadHistory(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /** Replays {@code count} past uploads by the given reps, in turn. */
    public void replay(int count, List<String> reps, long seed) {
        Random random = new Random(seed);
        // What the bytes are does not matter to staging; one random block sliced per upload keeps the replay fast,
        // and it is garbage once the replay is done.
        byte[] content = new byte[AttachmentStagingSlot.MAX_UPLOAD_BYTES];
        random.nextBytes(content);
        for (int i = 0; i < count; i++) {
            String[] file = FILES[random.nextInt(FILES.length)];
            long deal = 1 + random.nextInt(10_000);
            int size = size(i);
            attachments.replay(new UploadRequest(deal, file[0] + "-" + deal + file[1], file[2],
                    reps.get(i % reps.size())), content, size);
        }
    }

    /**
     * Nine uploads in ten are 8 to 40 KB; the rest spread evenly on a log scale from 64 KB to 768 KB. The sizes
     * follow a low-discrepancy sequence rather than chance, so that even the first 200 replayed, from which the drill
     * measures the bytes per upload, average what the whole spread does.
     */
    static int size(int index) {
        double spread = index * GOLDEN % 1;
        if (index % 10 != 9) {
            return 8 * 1024 + (int) (spread * 32 * 1024);
        }
        return (int) (64 * 1024 * Math.pow(12, spread));
    }
}
