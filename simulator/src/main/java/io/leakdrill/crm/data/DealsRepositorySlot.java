package io.leakdrill.crm.data;

import io.leakdrill.crm.DeployableComponent;

/**
 * The {@code deals-repository} component, which never leaks: {@code plain}, or {@code indexed} once its decoy change
 * has added an index on deals by customer. An index cannot be taken back by a deploy.
 */
public final class DealsRepositorySlot implements DeployableComponent {

    public static final String COMPONENT = "deals-repository";

    private final CrmRepository repository;
    private volatile boolean indexed;

    public DealsRepositorySlot(CrmRepository repository, String version) {
        this.repository = repository;
        if ("indexed".equals(version)) {
            deploy(version);
        }
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public synchronized boolean deploy(String version) {
        if (!"indexed".equals(version)) {
            return false;
        }
        repository.indexDealsByCustomer();
        indexed = true;
        return true;
    }

    @Override
    public String implementation() {
        return indexed ? "indexed" : "plain";
    }
}
