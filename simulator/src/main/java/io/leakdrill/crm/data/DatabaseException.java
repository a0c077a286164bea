package io.leakdrill.crm.data;

/** A database call failed: no connection in time, a lock wait timed out, or the statement failed. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
