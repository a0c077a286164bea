package io.leakdrill.crm.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The import running on this thread, for the helpers deep inside it (row checks, the change audit) that have no
 * parameter to receive it. A request may carry several files (a workbook with several sheets); each opens a batch in
 * the same context.
 */
final class ImportContext {

    // Per thread, because requests run in parallel and each must see only its own batch.
    private static final ThreadLocal<ImportContext> CURRENT = ThreadLocal.withInitial(ImportContext::new);

    private final List<ImportBatch> batches = new ArrayList<>();

    /** This thread's context, created on first use. */
    static ImportContext current() {
        return CURRENT.get();
    }

    /** Lets go of this thread's context: the next import on the thread starts a fresh one. */
    static void discard() {
        CURRENT.remove();
    }

    ImportBatch open(String id, String user, long nowMillis) {
        ImportBatch batch = new ImportBatch(id, user, nowMillis);
        batches.add(batch);
        return batch;
    }

    /** The batch being imported: the last one opened. */
    ImportBatch batch() {
        if (batches.isEmpty()) {
            throw new IllegalStateException("no import is running on " + Thread.currentThread().getName());
        }
        return batches.get(batches.size() - 1);
    }
}
