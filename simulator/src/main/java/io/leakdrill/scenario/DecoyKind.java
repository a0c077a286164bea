package io.leakdrill.scenario;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The faults a scenario can inject as decoys, with the parameters each takes, their ranges and defaults. */
public enum DecoyKind {
    SLOW_QUERY("slow-query", "an analyst's report query running over and over on the database",
            Param.whole("pauseMs", 0, 60_000, 200.0)),
    ROW_LOCK("row-lock", "a long transaction holding row locks on deals",
            Param.whole("rows", 1, 10_000, 25.0)),
    EDGE_DELAY("edge-delay", "added latency and jitter at the edge proxy",
            Param.whole("delayMs", 0, 60_000, null), Param.whole("jitterMs", 0, 60_000, 0.0),
            Param.of("probability", 0, 1, 1.0)),
    EDGE_RESET("edge-reset", "connections reset at the edge proxy", Param.of("probability", 0, 1, null)),
    EDGE_DROP("edge-drop", "connections dropped without an answer at the edge proxy",
            Param.of("probability", 0, 1, null)),
    EDGE_BANDWIDTH("edge-bandwidth", "a bandwidth limit at the edge proxy",
            Param.whole("bytesPerSecond", 1_000, 10_000_000_000L, null)),
    TRAFFIC_SURGE("traffic-surge", "users working faster (think time divided by the factor)",
            Param.of("factor", 1, 20, null));

    /** A numeric parameter; a null default means the scenario must give it. */
    public record Param(String name, double min, double max, Double fallback, boolean whole) {
        static Param of(String name, double min, double max, Double fallback) {
            return new Param(name, min, max, fallback, false);
        }

        static Param whole(String name, long min, long max, Double fallback) {
            return new Param(name, min, max, fallback, true);
        }
    }

    private final String id;
    private final String description;
    private final Map<String, Param> params = new LinkedHashMap<>();

    DecoyKind(String id, String description, Param... params) {
        this.id = id;
        this.description = description;
        for (Param p : params) {
            this.params.put(p.name(), p);
        }
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Map<String, Param> params() {
        return params;
    }

    double defaultOf(String name) {
        Param p = params.get(name);
        if (p == null || p.fallback() == null) {
            throw new IllegalArgumentException(id + " has no default for " + name);
        }
        return p.fallback();
    }

    public static Optional<DecoyKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(DecoyKind::id).toList());
    }
}
