package io.leakdrill.crm.data;

import java.time.LocalDate;

/** A change to one deal as a bulk import writes it: its new stage, amount and close date. */
public record DealUpdate(long dealId, String stage, long amountCents, LocalDate closeDate) {
}
