package io.leakdrill.crm.live;

import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.data.PipelineLine;

/** One open deal as a card on a live deal room's board, with its amount and close date as the page shows them. */
public record DealCard(long dealId, String customer, String title, String stage, String amount, String closes) {

    static DealCard of(PipelineLine line) {
        Deal deal = line.deal();
        return new DealCard(deal.id(), line.customerName(), deal.title(), deal.stage(), dollars(deal.amountCents()),
                deal.closeDate().toString());
    }

    DealCard movedTo(String newStage, long amountCents) {
        return new DealCard(dealId, customer, title, newStage, dollars(amountCents), closes);
    }

    // "$12,345": whole dollars with thousands separators, built by hand as a board has a few hundred cards.
    private static String dollars(long cents) {
        StringBuilder text = new StringBuilder(14).append(cents / 100);
        for (int i = text.length() - 3; i > (cents < 0 ? 1 : 0); i -= 3) {
            text.insert(i, ',');
        }
        return text.insert(0, '$').toString();
    }
}
