package io.leakdrill.crm.mail;

import io.leakdrill.crm.DeployableComponent;

/**
 * The deployable slot for the {@code mail-outbox} component: the outbox the CRM started with, and the fixed one
 * swapped in when its patch is deployed, which takes over every message still waiting.
 */
public final class MailOutboxSlot implements DeployableComponent {

    public static final String COMPONENT = "mail-outbox";

    // Enough senders to outrun the busiest hour's notifications at the relay's per-connection rate; a queue small
    // enough that a full one is a few megabytes, not the heap.
    static final int SENDERS = 10;
    static final int CAPACITY = 24;

    private final MailSettings settings;
    private volatile Outbox active;

    public MailOutboxSlot(String version, MailSettings settings) {
        this.settings = settings;
        this.active = "bounded".equals(version) ? new BoundedMailOutbox(settings, CAPACITY, SENDERS)
                : new MailOutbox(settings);
    }

    public Outbox outbox() {
        return active;
    }

    /** Queues a message in whichever outbox is live, even if a deploy swaps it meanwhile. */
    public boolean submit(MailMessage message) {
        Outbox outbox = active;
        if (outbox.submit(message)) {
            return true;
        }
        Outbox now = active;
        return now != outbox && now.submit(message);
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public String implementation() {
        return outbox().implementation();
    }

    @Override
    public synchronized boolean deploy(String version) {
        if ("bounded".equals(version) && active instanceof MailOutbox original) {
            // Swap first so new notifications go to the fixed outbox; then move over what the old one still holds.
            BoundedMailOutbox fixed = new BoundedMailOutbox(settings, CAPACITY, SENDERS);
            active = fixed;
            fixed.adopt(original.stop());
            return true;
        }
        return "bounded".equals(version) || "original".equals(version);
    }
}
