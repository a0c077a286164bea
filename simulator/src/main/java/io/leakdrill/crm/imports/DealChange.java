package io.leakdrill.crm.imports;

/** The audit record of one deal changed by a bulk import: what it was, what it became, and the row that did it. */
record DealChange(String batch, long dealId, String stageBefore, String stageAfter, long amountBefore,
        long amountAfter, ImportRow row) {
}
