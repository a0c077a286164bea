package io.leakdrill.crm.telemetry;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live-object class histogram from the JVM's DiagnosticCommand MBean: the same data as
 * {@code jcmd <pid> GC.class_histogram}, including the full GC it forces.
 *
 * <p>HotSpot skips that GC when a thread holds the GC locker (is inside a JNI critical region) and counts every
 * object, dead or alive ("GC locker is held; pre-dump GC was skipped" in the CRM's log). Measured: one histogram in
 * about 15 under upload traffic, listing hundreds of staged uploads a fix had already let go. So a histogram that
 * no full collection preceded is taken again.
 */
public final class ClassHistogram {

    /** One row: a class, its live instance count and shallow bytes. */
    public record Row(String className, long instances, long bytes) {
    }

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private ClassHistogram() {
    }

    private static final int ATTEMPTS = 5;

    /** Takes a histogram now and returns its largest rows by bytes, as the JVM orders them. */
    public static List<Row> take(int top) throws Exception {
        ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = null;
        for (int attempt = 0; attempt < ATTEMPTS && text == null; attempt++) {
            long fullBefore = fullCollections();
            String taken = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            // The GC locker is held for microseconds at a time, so the next attempt all but always gets its GC; if
            // none ever does, the last histogram is still the best there is.
            if (fullCollections() > fullBefore || attempt == ATTEMPTS - 1) {
                text = taken;
            }
        }
        return parse(text, top);
    }

    /** Full collections so far: the old generation's collector (G1 Old Generation, PS MarkSweep, MarkSweepCompact). */
    private static long fullCollections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Old") || gc.getName().contains("MarkSweep")) {
                count += gc.getCollectionCount();
            }
        }
        return count;
    }

    static List<Row> parse(String text, int top) {
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.add(new Row(m.group(3), Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                if (rows.size() == top) {
                    break;
                }
            }
        }
        return rows;
    }
}
