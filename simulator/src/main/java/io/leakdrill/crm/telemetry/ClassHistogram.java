package io.leakdrill.crm.telemetry;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live-object class histogram from the JVM's DiagnosticCommand MBean: the same data as
 * {@code jcmd <pid> GC.class_histogram}, including the full GC it forces.
 */
public final class ClassHistogram {

    /** One row: a class, its live instance count and shallow bytes. */
    public record Row(String className, long instances, long bytes) {
    }

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private ClassHistogram() {
    }

    /** Takes a histogram now and returns its largest rows by bytes, as the JVM orders them. */
    public static List<Row> take(int top) throws Exception {
        ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return parse(text, top);
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
