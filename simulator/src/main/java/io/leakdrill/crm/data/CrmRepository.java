package io.leakdrill.crm.data;

import java.util.List;
import java.util.Optional;

/** Where the CRM reads and writes its records; the next step puts a real database behind it. */
public interface CrmRepository {

    List<Customer> searchCustomers(String text, int limit);

    Optional<Customer> customer(long id);

    List<Contact> contactsOf(long customerId);

    List<Deal> dealsOf(long customerId);

    List<Deal> dealsOwnedBy(String ownerId);

    Optional<Deal> deal(long id);

    Deal createDeal(long customerId, String ownerId, String title, long amountCents);

    Optional<Deal> updateDeal(long id, String stage, long amountCents);

    List<Deal> allDeals();

    int customerCount();

    List<String> salesReps();
}
