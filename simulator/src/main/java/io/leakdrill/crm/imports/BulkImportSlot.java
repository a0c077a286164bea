package io.leakdrill.crm.imports;

import io.leakdrill.crm.DeployableComponent;
import io.leakdrill.crm.CrmLog;
import io.leakdrill.crm.data.CrmRepository;
import java.util.function.LongSupplier;

/**
 * The deployable slot for the {@code bulk-import} component: the version the CRM started with, and the scoped one
 * swapped in when its patch is deployed.
 */
public final class BulkImportSlot implements DeployableComponent {

    public static final String COMPONENT = "bulk-import";

    private final DealImport steps;
    private volatile BulkImporter active;

    public BulkImportSlot(String version, CrmRepository repository, CrmLog log, LongSupplier clock) {
        this.steps = new DealImport(repository, log, clock);
        this.active = "scoped".equals(version) ? new ScopedImporter(steps) : new ThreadContextImporter(steps);
    }

    public BulkImporter importer() {
        return active;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public String implementation() {
        return importer().implementation();
    }

    @Override
    public synchronized boolean deploy(String version) {
        if ("scoped".equals(version) && active instanceof ThreadContextImporter) {
            // Contexts already left on the workers go at each worker's next import, when the scoped version ends it.
            active = new ScopedImporter(steps);
            return true;
        }
        return "scoped".equals(version) || "original".equals(version);
    }
}
