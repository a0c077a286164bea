package io.leakdrill.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command line run uses: reports to {@code out}, diagnostics to {@code err}. */
public record Io(InputStream in, PrintStream out, PrintStream err) {
}
