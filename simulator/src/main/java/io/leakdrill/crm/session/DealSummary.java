package io.leakdrill.crm.session;

import java.time.LocalDate;

/** One line of a sales rep's pipeline dashboard, copied into the session at log-in. */
public record DealSummary(long dealId, String customerName, String title, String stage, long amountCents,
        LocalDate closeDate) {
}
