package io.leakdrill.world.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The monitor's recent samples, oldest first, bounded so a long drill does not grow without end. */
public final class SampleHistory {

    private final int capacity;
    private final List<Sample> samples = new ArrayList<>();

    public SampleHistory(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Sample sample) {
        samples.add(sample);
        if (samples.size() > capacity) {
            samples.remove(0);
        }
    }

    public synchronized List<Sample> last(int count) {
        return List.copyOf(samples.subList(Math.max(0, samples.size() - count), samples.size()));
    }

    /** The samples taken at or after an incident time (seconds), oldest first. */
    public synchronized List<Sample> since(double atSeconds) {
        return samples.stream().filter(s -> s.atSeconds() >= atSeconds).toList();
    }

    public synchronized Optional<Sample> latest() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
    }
}
