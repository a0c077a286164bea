package io.leakdrill.world.edge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The endpoints `net ping` measures, by name, in the order they were added; each port may change or be down (-1). */
public final class PingTargets {

    /** One endpoint: a host and a supplier of its current port. */
    public record Target(String name, String host, IntSupplier port) {
    }

    private final Map<String, Target> targets = new LinkedHashMap<>();

    /** Adds (or replaces) a target. */
    public synchronized PingTargets add(String name, String host, IntSupplier port) {
        targets.put(name, new Target(name, host, port));
        return this;
    }

    public synchronized List<Target> all() {
        return new ArrayList<>(targets.values());
    }
}
