package io.leakdrill.crm.audit;

import io.leakdrill.crm.data.Deal;

/** One change to a deal as the audit trail records it: the deal, its owner, and its stage and amount after. */
public record DealChanged(long dealId, long customerId, String ownerId, String stage, long amountCents,
        long changedAtMillis) {

    public static DealChanged of(Deal deal, long nowMillis) {
        return new DealChanged(deal.id(), deal.customerId(), deal.ownerId(), deal.stage(), deal.amountCents(),
                nowMillis);
    }
}
