package io.leakdrill.crm.telemetry;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The JVM's native memory tracking summary, as {@code jcmd <pid> VM.native_memory summary} prints it, read in
 * process through the DiagnosticCommand MBean. Empty when the JVM runs without {@code -XX:NativeMemoryTracking}.
 */
public final class NativeMemory {

    /** Committed and reserved bytes, in total or for one category (Java Heap, Class, Thread, Code, GC, ...). */
    public record Usage(String category, long reservedBytes, long committedBytes) {
    }

    /** The total and the categories, largest committed first. */
    public record Summary(Usage total, List<Usage> categories) {
    }

    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB",
            Pattern.MULTILINE);
    private static final Pattern CATEGORY = Pattern.compile(
            "^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);

    private NativeMemory() {
    }

    public static Optional<Summary> summary() throws Exception {
        ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "vmNativeMemory",
                new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        return parse(text);
    }

    static Optional<Summary> parse(String text) {
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) {
            // "Native memory tracking is not enabled"
            return Optional.empty();
        }
        List<Usage> categories = new ArrayList<>();
        Matcher m = CATEGORY.matcher(text);
        while (m.find()) {
            categories.add(new Usage(m.group(1).strip(), kb(m.group(2)), kb(m.group(3))));
        }
        categories.sort(Comparator.comparingLong(Usage::committedBytes).reversed());
        return Optional.of(new Summary(new Usage("Total", kb(total.group(1)), kb(total.group(2))),
                List.copyOf(categories)));
    }

    private static long kb(String digits) {
        return Long.parseLong(digits) * 1024;
    }
}
