package io.leakdrill.cli;

/** The drill could not run (the CRM did not start, say): printed with its detail, exit code 3. */
public final class DrillFailure extends Exception {

    public DrillFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
