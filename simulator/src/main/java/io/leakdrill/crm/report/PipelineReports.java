package io.leakdrill.crm.report;

import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.data.PipelineLine;
import java.time.LocalDate;
import java.util.List;

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
        return cache.cache().get("region/" + region, () -> render(repository.pipelineReport(region), null, ""));
    }

    /** A rep's own deals closing on or after a date, in one stage or all (blank). */
    public String own(String user, LocalDate since, String stage) {
        return cache.cache().get(user + "/" + since + "/" + stage, () -> render(repository.pipelineOf(user), since,
                stage));
    }

    /**
     * A rep's own report rendered from a pipeline read earlier, through the same cache: how the drill replays weeks
     * of past exports without a query for each.
     */
    public void replayOwn(String user, LocalDate since, String stage, List<PipelineLine> pipeline) {
        cache.cache().get(user + "/" + since + "/" + stage, () -> render(pipeline, since, stage));
    }

    private static String render(List<PipelineLine> lines, LocalDate since, String stage) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (PipelineLine line : lines) {
            Deal d = line.deal();
            if ((since == null || !d.closeDate().isBefore(since)) && (stage.isEmpty() || stage.equals(d.stage()))) {
                csv.append(d.id()).append(',').append(line.customerName()).append(',').append(d.ownerId())
                        .append(',').append(d.title()).append(',').append(d.stage()).append(',')
                        .append(d.amountCents() / 100.0).append(',').append(d.closeDate()).append('\n');
            }
        }
        return csv.toString();
    }
}
