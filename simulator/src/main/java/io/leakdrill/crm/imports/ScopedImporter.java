package io.leakdrill.crm.imports;

import io.leakdrill.crm.data.Deal;
import java.util.Map;

/**
 * The fixed bulk import: the thread's import context lasts exactly one request. Removing it in {@code finally} also
 * lets go of whatever an earlier version left on the same worker, at that worker's next import.
 */
final class ScopedImporter implements BulkImporter {

    private final DealImport steps;

    ScopedImporter(DealImport steps) {
        this.steps = steps;
    }

    @Override
    public ImportResult importCsv(String user, String csv) {
        try {
            return steps.run(user, csv);
        } finally {
            ImportContext.discard();
        }
    }

    @Override
    public ImportResult replay(String user, String csv, Map<Long, Deal> recorded) {
        try {
            return steps.replay(user, csv, recorded);
        } finally {
            ImportContext.discard();
        }
    }

    @Override
    public String implementation() {
        return "ScopedImporter";
    }
}
