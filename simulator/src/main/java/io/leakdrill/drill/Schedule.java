package io.leakdrill.drill;

import io.leakdrill.scenario.Scenario.Trigger;
import io.leakdrill.world.monitor.ConditionWatch;
import io.leakdrill.world.monitor.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Things the scenario makes happen once each (story events, decoys), handed out when their trigger fires: at an
 * incident time, or once a condition on the monitor's samples has held long enough. Pure: time and samples in.
 */
public final class Schedule<T> {

    private final class Entry {
        final T item;
        final Trigger trigger;
        final ConditionWatch watch;

        Entry(T item, Trigger trigger) {
            this.item = item;
            this.trigger = trigger;
            this.watch = trigger.timed() ? null : new ConditionWatch(trigger.when(), trigger.holdFor());
        }

        boolean due(Duration elapsed, Sample sample) {
            return trigger.timed() ? trigger.at().compareTo(elapsed) <= 0 : sample != null && watch.update(sample);
        }
    }

    private final List<Entry> pending = new ArrayList<>();

    public Schedule(List<T> items, Function<T, Trigger> trigger) {
        items.forEach(item -> pending.add(new Entry(item, trigger.apply(item))));
        // Timed items in time order, so several due at once come out in the order the story tells them.
        pending.sort(Comparator.comparing(e -> e.trigger.timed() ? e.trigger.at() : Duration.ZERO));
    }

    /** The items whose trigger fires at this step; each is handed out once. */
    public synchronized List<T> due(Duration elapsed, Sample sample) {
        List<T> due = new ArrayList<>();
        for (Iterator<Entry> it = pending.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.due(elapsed, sample)) {
                due.add(entry.item);
                it.remove();
            }
        }
        return due;
    }
}
