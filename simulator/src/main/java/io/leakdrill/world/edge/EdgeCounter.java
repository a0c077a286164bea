package io.leakdrill.world.edge;

/** The quantities the edge counts; the order is the layout of {@link EdgeCounters}' arrays. */
enum EdgeCounter {
    ACCEPTED, REFUSED, RESETS, DROPS, BYTES_TO_UPSTREAM, BYTES_TO_CLIENTS, DELAYED_REQUESTS, ADDED_DELAY_NANOS,
    THROTTLED_NANOS
}
