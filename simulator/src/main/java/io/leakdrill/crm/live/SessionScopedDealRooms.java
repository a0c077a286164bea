package io.leakdrill.crm.live;

import io.leakdrill.crm.IdleLimit;
import io.leakdrill.crm.audit.AuditTrail;
import io.leakdrill.crm.data.PipelineLine;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The fixed live deal room: a session has at most one room, so opening another unsubscribes the one before, and a
 * room its page has not asked for within the idle time is unsubscribed too (closed tabs never say goodbye).
 */
final class SessionScopedDealRooms implements DealRooms {

    private final int maxRooms;
    private final IdleLimit idle;
    private final LongSupplier clock;
    private final Map<String, DealRoomWatcher> bySession = new LinkedHashMap<>();

    SessionScopedDealRooms(int maxRooms, IdleLimit idle, LongSupplier clock) {
        this.maxRooms = maxRooms;
        this.idle = idle;
        this.clock = clock;
    }

    @Override
    public synchronized DealRoomWatcher open(String sessionId, String ownerId, List<PipelineLine> pipeline) {
        long now = clock.getAsLong();
        DealRoomWatcher room = DealRoomWatcher.open(ownerId, pipeline, now);
        DealRoomWatcher previous = bySession.remove(sessionId);
        if (previous != null) {
            AuditTrail.unsubscribe(previous);
        }
        bySession.put(sessionId, room);
        AuditTrail.subscribe(room);
        closeIdle(now);
        return room;
    }

    @Override
    public synchronized Optional<DealRoomWatcher> find(String roomId) {
        long now = clock.getAsLong();
        closeIdle(now);
        for (DealRoomWatcher room : bySession.values()) {
            if (room.id().equals(roomId)) {
                room.seen(now);
                return Optional.of(room);
            }
        }
        return Optional.empty();
    }

    @Override
    public String implementation() {
        return "one watcher per session, unsubscribed when replaced or idle " + idle + " (max " + maxRooms
                + ")";
    }

    // Insertion order is opening order, so the oldest rooms go first when there are too many.
    private void closeIdle(long now) {
        Iterator<DealRoomWatcher> it = bySession.values().iterator();
        while (it.hasNext()) {
            DealRoomWatcher room = it.next();
            if (bySession.size() > maxRooms || room.lastSeenMillis() < now - idle.realMillis()) {
                AuditTrail.unsubscribe(room);
                it.remove();
            }
        }
    }
}
