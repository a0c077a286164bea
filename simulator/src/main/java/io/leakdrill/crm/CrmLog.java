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
        write("ERROR", message + ": " + error);
    }

    private void write(String level, String message) {
        out.println(Instant.now() + " " + level + " [" + Thread.currentThread().getName() + "] " + message);
        out.flush();
    }
}
