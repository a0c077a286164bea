package io.leakdrill.crm.data;

import java.time.LocalDate;

/** A sales opportunity; deals change stage and amount as reps update them. */
public record Deal(long id, long customerId, String ownerId, String title, String stage, long amountCents,
        LocalDate closeDate) {

    public Deal withStage(String newStage, long newAmountCents) {
        return new Deal(id, customerId, ownerId, title, newStage, newAmountCents, closeDate);
    }
}
