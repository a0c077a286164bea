package io.leakdrill.world.crm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads what keeps objects alive from a CRM's flight recording, dumped with paths to GC roots as {@code JFR.dump
 * path-to-gc-roots=true} writes them: the surviving old-object samples, grouped by the chain of referrers that holds
 * them, as Mission Control's leak view groups them.
 */
public final class RetentionPaths {

    /** One retention path shared by some samples: the object's class, the chain of referrers, and the root. */
    public record RetentionPath(String type, List<String> chain, String root, int samples) {
    }

    /** Samples retained the same way; when their root is a live thread, the threads that hold them. */
    private static final class Group {

        private final String type;
        private final List<String> chain;
        private final String root;
        private final String rootKind;
        private final Set<String> threads = new TreeSet<>(
                Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        private int samples;

        Group(String type, List<String> chain, String root, String rootKind) {
            this.type = type;
            this.chain = chain;
            this.root = root;
            this.rootKind = rootKind;
        }

        void add(String thread) {
            samples++;
            if (thread != null) {
                threads.add(thread);
            }
        }

        RetentionPath path() {
            if (threads.isEmpty()) {
                return new RetentionPath(type, chain, root, samples);
            }
            // A running thread is a GC root: whatever its thread-locals hold lives as long as the thread does.
            return new RetentionPath(type, chain, (threads.size() == 1 ? "live thread " : threads.size() + " live threads: ")
                    + String.join(", ", threads) + " " + rootKind, samples);
        }
    }

    private RetentionPaths() {
    }

    /**
     * The distinct paths of surviving samples in {@code recording} whose class name, chain or root contains
     * {@code needle}, most common first.
     */
    public static List<RetentionPath> read(Path recording, String needle, int max) throws IOException {
        Map<String, Group> byChain = new LinkedHashMap<>();
        try (RecordingFile events = new RecordingFile(recording)) {
            while (events.hasMoreEvents()) {
                RecordedEvent event = events.readEvent();
                if (event.getEventType().getName().equals("jdk.OldObjectSample")) {
                    group(event, needle, byChain);
                }
            }
        }
        List<RetentionPath> paths = new ArrayList<>(byChain.values().stream().map(Group::path).toList());
        paths.sort((a, b) -> Integer.compare(b.samples(), a.samples()));
        return paths.subList(0, Math.min(max, paths.size()));
    }

    private static void group(RecordedEvent event, String needle, Map<String, Group> byChain) {
        RecordedObject object = event.getValue("object");
        String type = typeOf(object);
        List<String> chain = chainOf(object);
        String thread = threadOf(event);
        String root = rootOf(event);
        if (!(type + chain + root).contains(needle)) {
            return;
        }
        // Samples that the threads of one pool hold the same way are one path, whichever thread holds them.
        String key = type + "|" + chain + "|" + (thread == null ? root : "thread|" + rootKindOf(event));
        byChain.computeIfAbsent(key, k -> new Group(type, chain, thread == null ? root : null,
                rootKindOf(event))).add(thread);
    }

    private static String typeOf(RecordedObject object) {
        if (object == null) {
            return "?";
        }
        RecordedClass type = object.getValue("type");
        return type == null ? "?" : type.getName();
    }

    /**
     * From the sampled object up to what the root holds: "Holder.field" or "Holder[]" for each step. Array indices
     * and runs of hash-bucket links are folded so that samples retained the same way group together, and the chain
     * ends at a static field, which is where a leak's owner shows itself.
     */
    private static List<String> chainOf(RecordedObject object) {
        List<String> chain = new ArrayList<>();
        RecordedObject current = object;
        while (current != null && chain.size() < 32) {
            RecordedObject reference = current.getValue("referrer");
            if (reference == null) {
                break;
            }
            RecordedObject holder = reference.getValue("object");
            RecordedObject field = reference.getValue("field");
            String via = field != null ? "." + field.getString("name")
                    : reference.getValue("array") != null ? "[]" : "";
            String holderType = typeOf(holder);
            if (holderType.equals("java.lang.Class") && field != null) {
                String description = holder == null ? null : holder.getString("description");
                chain.add("static " + field.getString("name") + " of " + (description == null ? "a class"
                        : description.replace("Class Name: ", "")));
                break;
            }
            String step = holderType + via;
            if (chain.isEmpty() || !chain.get(chain.size() - 1).equals(step)) {
                chain.add(step);
            }
            current = holder;
        }
        return chain;
    }

    /** The name of the thread that is the sample's GC root, or null when the root is something else. */
    private static String threadOf(RecordedEvent event) {
        RecordedObject root = event.getValue("root");
        String description = root == null ? null : root.getString("description");
        String prefix = "Thread Name: ";
        return description != null && description.startsWith(prefix) ? description.substring(prefix.length())
                : null;
    }

    private static String rootKindOf(RecordedEvent event) {
        RecordedObject root = event.getValue("root");
        if (root == null) {
            return "";
        }
        String type = root.getString("type");
        return "(" + root.getString("system") + (type == null ? "" : ", " + type) + ")";
    }

    private static String rootOf(RecordedEvent event) {
        RecordedObject root = event.getValue("root");
        if (root == null) {
            return "no root found (object was not reachable at dump)";
        }
        String description = root.getString("description");
        String system = root.getString("system");
        String type = root.getString("type");
        return (description == null ? "" : description + " ") + "(" + system + (type == null ? "" : ", " + type)
                + ")";
    }
}
