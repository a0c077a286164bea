package io.leakdrill.crm.live;

import io.leakdrill.crm.audit.AuditTrail;
import io.leakdrill.crm.audit.DealChangeListener;
import io.leakdrill.crm.data.PipelineLine;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The live deal room as first shipped: every page that opens a room subscribes its own watcher to the audit trail.
 * Nothing unsubscribes it when the page is reloaded, closed or abandoned, so the trail keeps every room ever opened,
 * with all its cards, and tells each of them about every deal change for as long as the CRM runs.
 */
final class PerPageDealRooms implements DealRooms {

    private final LongSupplier clock;
    private volatile boolean retired;

    PerPageDealRooms(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public DealRoomWatcher open(String sessionId, String ownerId, List<PipelineLine> pipeline) {
        DealRoomWatcher room = DealRoomWatcher.open(ownerId, pipeline, clock.getAsLong());
        AuditTrail.subscribe(room);
        // A page opened while the fix was being deployed must not stay behind, subscribed by the retired version.
        if (retired) {
            AuditTrail.unsubscribe(room);
        }
        return room;
    }

    // The trail is the only place that knows the rooms, so a poll looks through everything subscribed to it.
    @Override
    public Optional<DealRoomWatcher> find(String roomId) {
        for (DealChangeListener listener : AuditTrail.listeners()) {
            if (listener instanceof DealRoomWatcher room && room.id().equals(roomId)) {
                room.seen(clock.getAsLong());
                return Optional.of(room);
            }
        }
        return Optional.empty();
    }

    @Override
    public String implementation() {
        return "a watcher per opened page";
    }

    /** Ends every room's subscription, as stopping this version of the live module does; open pages reconnect. */
    void closeAll() {
        retired = true;
        for (DealChangeListener listener : AuditTrail.listeners()) {
            if (listener instanceof DealRoomWatcher) {
                AuditTrail.unsubscribe(listener);
            }
        }
    }
}
