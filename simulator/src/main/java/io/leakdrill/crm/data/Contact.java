package io.leakdrill.crm.data;

/** A person at a customer. */
public record Contact(long id, long customerId, String name, String email, String phone) {
}
