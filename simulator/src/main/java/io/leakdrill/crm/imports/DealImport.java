package io.leakdrill.crm.imports;

import io.leakdrill.crm.CrmLog;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.data.DealUpdate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The steps of one bulk import, whichever version runs them: open a batch in this thread's import context, read the
 * file, write the changes in one transaction, audit each change. The versions differ in how long the context lives.
 */
final class DealImport {

    private final CrmRepository repository;
    private final CrmLog log;
    private final LongSupplier clock;
    private final AtomicLong batches = new AtomicLong();

    DealImport(CrmRepository repository, CrmLog log, LongSupplier clock) {
        this.repository = repository;
        this.log = log;
        this.clock = clock;
    }

    ImportResult run(String user, String csv) {
        ImportBatch batch = open(user);
        List<ImportRow> rows = ImportCsv.parse(csv);
        Map<Long, Deal> before = repository.updateDeals(rows.stream()
                .map(r -> new DealUpdate(r.dealId(), r.stage(), r.amountCents(), r.closeDate())).toList());
        return finish(batch, rows, before, true);
    }

    /**
     * An import from weeks ago, replayed without writing again what the database already holds: the same batch,
     * parsing and audit as a live import, with each deal as it was before that import.
     */
    ImportResult replay(String user, String csv, Map<Long, Deal> recorded) {
        ImportBatch batch = open(user);
        return finish(batch, ImportCsv.parse(csv), recorded, false);
    }

    private ImportBatch open(String user) {
        return ImportContext.current().open(String.format("B-%06d", batches.incrementAndGet()), user,
                clock.getAsLong());
    }

    private ImportResult finish(ImportBatch batch, List<ImportRow> rows, Map<Long, Deal> before, boolean live) {
        for (ImportRow row : rows) {
            Deal was = before.get(row.dealId());
            if (was == null) {
                ChangeAudit.missing(row);
            } else {
                ChangeAudit.changed(row, was);
            }
        }
        if (live) {
            log.info("bulk import " + batch.id() + " by " + batch.user() + ": " + rows.size() + " rows, "
                    + batch.changes() + " deals updated, " + batch.rejected().size() + " rejected in "
                    + (clock.getAsLong() - batch.startedAtMillis()) + " ms");
        }
        // Every line read either changed a deal or was rejected with its reason.
        return new ImportResult(batch.id(), batch.changes() + batch.rejected().size(), batch.changes(),
                batch.rejected());
    }
}
