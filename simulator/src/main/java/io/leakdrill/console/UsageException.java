package io.leakdrill.console;

/** A command was called with the wrong arguments; the console prints the message and the usage. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
