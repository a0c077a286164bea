package io.leakdrill.crm.audit;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CRM's deal-change trail: every created or updated deal is published here, synchronously, to every part of the
 * CRM that follows deals (change counters, the recent-moves feed, live deal rooms).
 */
public final class AuditTrail {

    // Static so that whatever follows deals can subscribe without the trail being passed around. It lives as long
    // as the CRM does, and so does every listener until someone unsubscribes it. Copy-on-write because changes are
    // published far more often than listeners come and go, and publishing must not lock.
    private static final List<DealChangeListener> LISTENERS = new CopyOnWriteArrayList<>();

    private AuditTrail() {
    }

    public static void subscribe(DealChangeListener listener) {
        LISTENERS.add(listener);
    }

    public static void unsubscribe(DealChangeListener listener) {
        LISTENERS.remove(listener);
    }

    /** Tells every listener, in subscription order; each listener costs the publishing request a call. */
    public static void publish(DealChanged change) {
        for (DealChangeListener listener : LISTENERS) {
            listener.dealChanged(change);
        }
    }

    /** The listeners subscribed now, read-only (a snapshot: it does not change while being read). */
    public static List<DealChangeListener> listeners() {
        return Collections.unmodifiableList(LISTENERS);
    }
}
