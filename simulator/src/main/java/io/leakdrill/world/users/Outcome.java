package io.leakdrill.world.users;

/** How one user request ended, as the user saw it. */
public enum Outcome {
    OK, ERROR, TIMEOUT
}
