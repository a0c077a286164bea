package io.leakdrill.drill;

import io.leakdrill.scenario.Scenario.Decoy;
import io.leakdrill.world.Fault;
import io.leakdrill.world.monitor.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plays the chosen variant's decoys: begins each one's real fault when its trigger fires and ends it when its
 * window of incident time has passed. What the fault does is measured elsewhere; this only keeps the schedule.
 */
public final class DecoyRunner implements AutoCloseable {

    /** A decoy starting or stopping, for the transcript. */
    public record Change(Decoy decoy, boolean begun) {
    }

    private record Active(Decoy decoy, Fault fault, Duration endsAt) {
    }

    private final Schedule<Decoy> schedule;
    private final Function<Decoy, Fault> faults;
    private final Map<String, Active> active = new LinkedHashMap<>();

    public DecoyRunner(List<Decoy> decoys, Function<Decoy, Fault> faults) {
        this.schedule = new Schedule<>(decoys, Decoy::trigger);
        this.faults = faults;
    }

    /** One monitor step: ends decoys whose window is over, then begins those now due. */
    public synchronized List<Change> step(Duration elapsed, Sample sample) {
        List<Change> changes = new ArrayList<>();
        for (var it = active.values().iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (a.endsAt().compareTo(elapsed) <= 0) {
                a.fault().end();
                it.remove();
                changes.add(new Change(a.decoy(), false));
            }
        }
        for (Decoy decoy : schedule.due(elapsed, sample)) {
            Fault fault = faults.apply(decoy);
            fault.begin();
            active.put(decoy.id(), new Active(decoy, fault, elapsed.plus(decoy.lasts())));
            changes.add(new Change(decoy, true));
        }
        return changes;
    }

    /** The decoys acting now, for the facilitator's view and for tests. */
    public synchronized List<Decoy> active() {
        return active.values().stream().map(Active::decoy).toList();
    }

    @Override
    public synchronized void close() {
        active.values().forEach(a -> a.fault().end());
        active.clear();
    }
}
