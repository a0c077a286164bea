package io.leakdrill.crm.imports;

import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.data.PipelineLine;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The imports sales ops ran in the weeks before the incident, rebuilt from a rep's pipeline: the file they would
 * have pasted (the same shape as today's) and each deal as it stood before.
 */
public final class ImportHistory {

    /** Rows in a typical import file. */
    public static final int ROWS = 50;

    private static final String[] NOTES = {"Q3 forecast review", "moved per customer call", "pricing approved by RVP",
        "renewal pulled into this quarter", "champion confirmed budget", "legal redlines back from customer",
        "pushed: procurement freeze", "closed per signed order form", "territory realignment", "updated after QBR"};

    /** One past import: the file as pasted and the deals it changed, as they were before it ran. */
    public record Recorded(String csv, Map<Long, Deal> before) {
    }

    private ImportHistory() {
    }

    public static Recorded of(List<PipelineLine> pipeline, Random random) {
        StringBuilder csv = new StringBuilder(ImportCsv.HEADER).append('\n');
        Map<Long, Deal> before = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            Deal deal = pipeline.get(random.nextInt(pipeline.size())).deal();
            before.put(deal.id(), deal);
            LocalDate close = LocalDate.of(2021, 7, 1).plusDays(random.nextInt(180));
            csv.append(deal.id()).append(',').append(DealStages.ALL.get(random.nextInt(DealStages.ALL.size())))
                    .append(',').append(1_000 + random.nextInt(50_000)).append('.').append(10 + random.nextInt(90))
                    .append(',').append(close).append(',').append(NOTES[random.nextInt(NOTES.length)]).append('\n');
        }
        return new Recorded(csv.toString(), before);
    }
}
