package io.leakdrill.crm.imports;

import io.leakdrill.crm.data.Deal;
import java.util.Map;

/**
 * The bulk import as first shipped. Its author expected a thread per request, so the thread's import context would
 * end with the request; nothing removes it. On the CRM's pooled workers, which live as long as the process, each
 * worker's context keeps every batch (and every audited change) that worker ever imported.
 */
final class ThreadContextImporter implements BulkImporter {

    private final DealImport steps;

    ThreadContextImporter(DealImport steps) {
        this.steps = steps;
    }

    @Override
    public ImportResult importCsv(String user, String csv) {
        return steps.run(user, csv);
    }

    @Override
    public ImportResult replay(String user, String csv, Map<Long, Deal> recorded) {
        return steps.replay(user, csv, recorded);
    }

    @Override
    public String implementation() {
        return "ThreadContextImporter";
    }
}
