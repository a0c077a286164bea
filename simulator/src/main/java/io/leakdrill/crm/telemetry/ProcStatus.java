package io.leakdrill.crm.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A process's {@code /proc/PID/status} (resident set, its peak, threads), as the kernel counts them. Only Linux has
 * it: elsewhere there is none, and callers say so rather than guess. The CRM reads its own; the drill reads the
 * CRM's from outside, which still works while the CRM is too busy collecting garbage to answer.
 */
public final class ProcStatus {

    private final Map<String, String> fields;

    private ProcStatus(Map<String, String> fields) {
        this.fields = fields;
    }

    public static Optional<ProcStatus> self() {
        return read(Path.of("/proc/self/status"));
    }

    public static Optional<ProcStatus> of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status"));
    }

    static Optional<ProcStatus> read(Path file) {
        try {
            return Optional.of(parse(Files.readAllLines(file)));
        } catch (IOException e) {
            // No /proc here, or the process is gone.
            return Optional.empty();
        }
    }

    static ProcStatus parse(List<String> lines) {
        Map<String, String> fields = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return new ProcStatus(fields);
    }

    /** A size field such as {@code VmRSS} ("123456 kB"), in bytes. */
    public OptionalLong bytes(String key) {
        OptionalLong kb = number(key);
        return kb.isPresent() ? OptionalLong.of(kb.getAsLong() * 1024) : kb;
    }

    /** A count field such as {@code Threads}. */
    public OptionalLong count(String key) {
        return number(key);
    }

    private OptionalLong number(String key) {
        String value = fields.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
