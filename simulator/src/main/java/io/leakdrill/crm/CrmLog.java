package io.leakdrill.crm;

import java.io.PrintStream;
import java.time.Instant;

/** The CRM's application log: timestamped lines on its standard output, which the drill keeps in a file. */
public final class CrmLog {

    private final PrintStream out;

    public CrmLog(PrintStream out) {
        this.out = out;
    }

    public void info(String message) {
        write("INFO ", message);
    }

    public void warn(String message) {
        write("WARN ", message);
    }

    public void error(String message, Throwable error) {
        write("ERROR", new StringBuilder(message).append(": ").append(error).toString());
    }

    // Built with a StringBuilder, not `+`: string concatenation links a call site on its first run, which needs
    // metaspace, and an error logged for the first time is often an OutOfMemoryError: Metaspace.
    private void write(String level, String message) {
        out.println(new StringBuilder(160).append(Instant.now()).append(' ').append(level).append(" [")
                .append(Thread.currentThread().getName()).append("] ").append(message).toString());
        out.flush();
    }
}
