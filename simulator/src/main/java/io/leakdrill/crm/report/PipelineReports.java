package io.leakdrill.crm.report;

import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Customer;
import io.leakdrill.crm.data.Deal;
import java.time.LocalDate;

/**
 * The pipeline export: a region's whole pipeline (shared by everyone who asks) or a rep's own deals since a date,
 * optionally in one stage. Both go through the report cache component.
 */
public final class PipelineReports {

    private static final String HEADER = "deal,customer,owner,title,stage,amount,close\n";

    private final CrmRepository repository;
    private final ReportCacheSlot cache;

    public PipelineReports(CrmRepository repository, ReportCacheSlot cache) {
        this.repository = repository;
        this.cache = cache;
    }

    /** Every deal of customers in a region (all regions if blank): the heaviest request the CRM serves. */
    public String region(String region) {
        return cache.cache().get("region/" + region, () -> renderRegion(region));
    }

    /** A rep's own deals closing on or after a date, in one stage or all (blank). */
    public String own(String user, LocalDate since, String stage) {
        return cache.cache().get(user + "/" + since + "/" + stage, () -> renderOwn(user, since, stage));
    }

    private String renderRegion(String region) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Deal d : repository.allDeals()) {
            Customer customer = repository.customer(d.customerId()).orElse(null);
            if (customer != null && (region.isEmpty() || customer.city().equalsIgnoreCase(region))) {
                append(csv, d, customer.name());
            }
        }
        return csv.toString();
    }

    private String renderOwn(String user, LocalDate since, String stage) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Deal d : repository.dealsOwnedBy(user)) {
            if (!d.closeDate().isBefore(since) && (stage.isEmpty() || stage.equals(d.stage()))) {
                append(csv, d, Long.toString(d.customerId()));
            }
        }
        return csv.toString();
    }

    private static void append(StringBuilder csv, Deal d, String customer) {
        csv.append(d.id()).append(',').append(customer).append(',').append(d.ownerId()).append(',')
                .append(d.title()).append(',').append(d.stage()).append(',')
                .append(d.amountCents() / 100.0).append(',').append(d.closeDate()).append('\n');
    }
}
