package io.leakdrill.world.edge;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * A snapshot of the edge's counters taken at {@code atMillis} (real time): totals since it started, connections open
 * now, and per-second counts for the recent past, oldest first, so "14 resets, none lately" can be told apart.
 */
public record EdgeStats(long atMillis, int activeConnections, EdgeCounts total, List<Second> history) {

    /** What happened during one real second, starting at {@code epochSecond}. */
    public record Second(long epochSecond, EdgeCounts counts) {
    }

    public EdgeStats {
        history = List.copyOf(history);
    }

    /** Counts over the last {@code realWindow} of real time (to the second), as far back as the history reaches. */
    public EdgeCounts within(Duration realWindow) {
        long from = Math.floorDiv(atMillis - realWindow.toMillis(), 1000);
        EdgeCounts sum = EdgeCounts.ZERO;
        for (Second s : history) {
            if (s.epochSecond() >= from) {
                sum = sum.plus(s.counts());
            }
        }
        return sum;
    }

    /** The start (epoch millis) of the latest second in the history in which {@code counter} was above zero. */
    public OptionalLong lastMillis(ToLongFunction<EdgeCounts> counter) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (counter.applyAsLong(history.get(i).counts()) > 0) {
                return OptionalLong.of(history.get(i).epochSecond() * 1000);
            }
        }
        return OptionalLong.empty();
    }

    /** How far back the history reaches from {@link #atMillis}. */
    public Duration historySpan() {
        return history.isEmpty() ? Duration.ZERO
                : Duration.ofMillis(atMillis - history.get(0).epochSecond() * 1000);
    }
}
