package io.leakdrill.world.edge;

/** How a dropped request looks to the client: it waits for an answer that never comes, or sees the line go quiet. */
public enum DropMode {
    /** The connection stays open and silent until the client gives up (a time-out) or the fault ends. */
    STALL,
    /** The connection is closed gracefully without any response (the client reads end of stream). */
    CLOSE
}
