package io.leakdrill.cli;

/** Invalid input from the user: printed as one line, exit code 2. */
public final class UserError extends Exception {

    public UserError(String message) {
        super(message);
    }
}
