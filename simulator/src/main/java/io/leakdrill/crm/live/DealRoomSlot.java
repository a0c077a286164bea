package io.leakdrill.crm.live;

import io.leakdrill.crm.DeployableComponent;
import io.leakdrill.crm.IdleLimit;
import java.util.function.LongSupplier;

/**
 * The deployable slot for the {@code deal-watchers} component (the live deal room's subscriptions to the audit
 * trail): the version the CRM started with, and the fixed one swapped in when its patch is deployed.
 */
public final class DealRoomSlot implements DeployableComponent {

    public static final String COMPONENT = "deal-watchers";

    private final int maxRooms;
    private final IdleLimit idle;
    private final LongSupplier clock;
    private volatile DealRooms active;

    public DealRoomSlot(String version, int maxRooms, IdleLimit idle, LongSupplier clock) {
        this.maxRooms = maxRooms;
        this.idle = idle;
        this.clock = clock;
        this.active = "unsubscribing".equals(version) ? new SessionScopedDealRooms(maxRooms, idle, clock)
                : new PerPageDealRooms(clock);
    }

    public DealRooms rooms() {
        return active;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public String implementation() {
        return rooms().implementation();
    }

    @Override
    public synchronized boolean deploy(String version) {
        if ("unsubscribing".equals(version) && active instanceof PerPageDealRooms original) {
            active = new SessionScopedDealRooms(maxRooms, idle, clock);
            original.closeAll();
            return true;
        }
        return "unsubscribing".equals(version) || "original".equals(version);
    }
}
