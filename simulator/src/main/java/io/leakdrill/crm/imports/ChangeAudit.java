package io.leakdrill.crm.imports;

import io.leakdrill.crm.data.Deal;

/** Records what an import changed, in the batch running on this thread, for the import's audit line and reply. */
final class ChangeAudit {

    private ChangeAudit() {
    }

    static void changed(ImportRow row, Deal before) {
        ImportBatch batch = ImportContext.current().batch();
        String stageBefore = DealStages.of(before.stage());
        batch.changed(new DealChange(batch.id(), row.dealId(), stageBefore == null ? "unknown" : stageBefore,
                row.stage(), before.amountCents(), row.amountCents(), row));
    }

    static void missing(ImportRow row) {
        ImportContext.current().batch().reject("line " + row.line() + ": no deal " + row.dealId());
    }
}
