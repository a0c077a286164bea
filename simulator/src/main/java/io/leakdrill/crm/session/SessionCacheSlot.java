package io.leakdrill.crm.session;

import io.leakdrill.crm.DeployableComponent;
import io.leakdrill.crm.IdleLimit;
import java.util.function.LongSupplier;

/**
 * The deployable slot for the {@code session-cache} component: holds the active implementation and swaps in the
 * fixed one when its patch is deployed, handing over the live sessions.
 */
public final class SessionCacheSlot implements DeployableComponent {

    public static final String COMPONENT = "session-cache";

    private final int maxSessions;
    private final IdleLimit idle;
    private final LongSupplier clock;
    private volatile SessionCache active;

    public SessionCacheSlot(String variant, int maxSessions, IdleLimit idle, LongSupplier clock) {
        this.maxSessions = maxSessions;
        this.idle = idle;
        this.clock = clock;
        this.active = create(variant);
    }

    public SessionCache cache() {
        return active;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public String implementation() {
        return cache().implementation();
    }

    @Override
    public synchronized boolean deploy(String variant) {
        SessionCache previous = active;
        if ("evicting".equals(variant) && previous instanceof ConcurrentSessionCache original) {
            EvictingSessionCache fixed = new EvictingSessionCache(maxSessions, idle, clock);
            fixed.adopt(original.drain());
            active = fixed;
            return true;
        }
        return "evicting".equals(variant) || "original".equals(variant);
    }

    private SessionCache create(String variant) {
        if ("evicting".equals(variant)) {
            return new EvictingSessionCache(maxSessions, idle, clock);
        }
        return new ConcurrentSessionCache();
    }
}
