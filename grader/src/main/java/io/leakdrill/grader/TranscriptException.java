package io.leakdrill.grader;

/** Thrown when a transcript cannot be read: a malformed line or a missing or invalid header. */
public class TranscriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TranscriptException(String message) {
        super(message);
    }

    public TranscriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
