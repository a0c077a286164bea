package io.leakdrill.crm.data;

/** A customer account as the CRM stores it. */
public record Customer(long id, String name, String industry, String city, String ownerId) {
}
