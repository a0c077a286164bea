package io.leakdrill.crm.imports;

import java.time.LocalDate;

/** One line of an import file, parsed: the deal it changes, the new values, and the line as it was pasted. */
record ImportRow(int line, String text, long dealId, String stage, long amountCents, LocalDate closeDate,
        String note) {
}
