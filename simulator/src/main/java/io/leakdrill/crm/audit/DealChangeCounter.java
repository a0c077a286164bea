package io.leakdrill.crm.audit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts deal changes by the stage they moved to, for the deal room's header; subscribed once at start-up. */
public final class DealChangeCounter implements DealChangeListener {

    private final Map<String, LongAdder> byStage = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    @Override
    public void dealChanged(DealChanged change) {
        byStage.computeIfAbsent(change.stage(), s -> new LongAdder()).increment();
        total.increment();
    }

    public long total() {
        return total.sum();
    }

    /** Changes so far by stage, in stage-name order. */
    public Map<String, Long> byStage() {
        Map<String, Long> counts = new TreeMap<>();
        byStage.forEach((stage, count) -> counts.put(stage, count.sum()));
        return counts;
    }
}
