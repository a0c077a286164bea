package io.leakdrill.crm.session;

import java.util.List;

/** A search the user ran, kept so the results page can be re-rendered without querying again. */
public record SavedSearch(String query, List<Long> customerIds) {
}
