package io.leakdrill.crm;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The drill's pipe to our stdin. It carries what must not show in {@code ps} or {@code jcmd VM.command_line}, as
 * blocks of {@code name=value} lines each ended by a blank line: first the components (a trainee who reads the
 * command line must not find which one leaks), then the database's login once its server listens. Then it stays
 * open and silent until the drill goes away.
 */
final class ParentPipe {

    private final BufferedReader in;

    ParentPipe(InputStream stdin) {
        this.in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }

    /** The next block; an EOF before its blank line means the drill is gone. */
    Map<String, String> readBlock() throws IOException {
        Map<String, String> values = new HashMap<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new EOFException("the drill closed our stdin");
            }
            if (line.isEmpty()) {
                return values;
            }
            int equals = line.indexOf('=');
            values.put(equals < 0 ? line : line.substring(0, equals), equals < 0 ? "" : line.substring(equals + 1));
        }
    }

    /** Blocks until the drill closes the pipe or dies. */
    void awaitEnd() throws IOException {
        while (in.read() >= 0) {
            // Nothing more is sent; EOF is the signal.
        }
    }
}
