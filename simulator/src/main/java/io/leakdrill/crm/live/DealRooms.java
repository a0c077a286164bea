package io.leakdrill.crm.live;

import io.leakdrill.crm.data.PipelineLine;
import java.util.List;
import java.util.Optional;

/** The live deal rooms users have open: opening one subscribes its watcher to the audit trail. */
public interface DealRooms {

    /** Opens a room on a rep's pipeline for a session's page and subscribes it to deal changes. */
    DealRoomWatcher open(String sessionId, String ownerId, List<PipelineLine> pipeline);

    /** The room with this id while it is still subscribed; the page polls it for moves. */
    Optional<DealRoomWatcher> find(String roomId);

    /** The implementation's name as the deploy log shows it. */
    String implementation();
}
