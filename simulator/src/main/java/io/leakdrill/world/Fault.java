package io.leakdrill.world;

/**
 * A real fault injected into a real component of the world (a slow query on the database, delay at the edge) for a
 * window of incident time. The drill's timeline begins and ends it; the component does the harm.
 */
public interface Fault {

    /** Starts acting on the component; called once. */
    void begin();

    /** Stops acting and releases what the fault holds; safe to call more than once, or without {@link #begin}. */
    void end();
}
