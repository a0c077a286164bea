package io.leakdrill.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The leak shapes a trainee can name in a diagnosis, one per lesson the scenarios teach. Only names and plain
 * descriptions: which one a drill plays stays the variant's secret.
 */
public enum LeakPattern {
    UNBOUNDED_CACHE("unbounded-cache", "a cache or map that only ever grows"),
    LAPSED_LISTENER("lapsed-listener", "listeners registered and never removed"),
    THREADLOCAL("threadlocal", "per-thread state left behind on pooled threads"),
    UNBOUNDED_QUEUE("unbounded-queue", "a queue filled faster than its consumer drains it"),
    CLASSLOADER("classloader", "class loaders that are never unloaded, filling metaspace"),
    OFF_HEAP("off-heap", "native or direct memory that is never released");

    private final String id;
    private final String description;

    LeakPattern(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Optional<LeakPattern> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LeakPattern::id).toList();
    }
}
