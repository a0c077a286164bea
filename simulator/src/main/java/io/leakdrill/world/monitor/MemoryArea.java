package io.leakdrill.world.monitor;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Where a leak piles up, and how the monitor reads how full that place is: the old generation after GC for a heap
 * leak, metaspace for classes that are never unloaded, direct buffer memory for native allocations.
 */
public enum MemoryArea {
    HEAP("heap", "the old generation after GC", Sample::oldAfterGc, Sample::oldMax),
    METASPACE("metaspace", "metaspace", s -> s.jvm().metaspaceUsed(), s -> s.jvm().metaspaceMax()),
    NATIVE("native", "direct buffer memory", s -> s.jvm().directUsed(), s -> s.jvm().directMax());

    private final String id;
    private final String description;
    private final ToLongFunction<Sample> used;
    private final ToLongFunction<Sample> max;

    MemoryArea(String id, String description, ToLongFunction<Sample> used, ToLongFunction<Sample> max) {
        this.id = id;
        this.description = description;
        this.used = used;
        this.max = max;
    }

    public String id() {
        return id;
    }

    /** In words, for messages: "the old generation after GC". */
    public String description() {
        return description;
    }

    public long used(Sample sample) {
        return used.applyAsLong(sample);
    }

    /** The area's limit; zero when the JVM sets none (metaspace without -XX:MaxMetaspaceSize). */
    public long max(Sample sample) {
        return max.applyAsLong(sample);
    }

    public double ratio(Sample sample) {
        long limit = max(sample);
        return limit <= 0 ? 0 : used(sample) / (double) limit;
    }

    public static Optional<MemoryArea> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
