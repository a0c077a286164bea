package io.leakdrill.drill;

import io.leakdrill.scenario.DecoyKind;
import io.leakdrill.scenario.Scenario.Decoy;
import java.util.List;
import java.util.TreeSet;

/**
 * The traffic a story plans over incident time, as a factor of the users' normal pace: the product of the traffic
 * surges that begin at a fixed time. A surge that waits for a condition cannot be planned, so it is left out.
 */
public final class LoadProfile {

    private record Window(double from, double until, double factor) {
    }

    private final List<Window> windows;

    private LoadProfile(List<Window> windows) {
        this.windows = windows;
    }

    /** Normal pace throughout. */
    public static LoadProfile flat() {
        return new LoadProfile(List.of());
    }

    /** The surges among these decoys that begin at a fixed time. */
    public static LoadProfile of(List<Decoy> decoys) {
        return new LoadProfile(decoys.stream()
                .filter(d -> d.kind() == DecoyKind.TRAFFIC_SURGE && d.trigger().at() != null)
                .map(d -> new Window(d.trigger().at().toMillis() / 1000.0,
                        (d.trigger().at().toMillis() + d.lasts().toMillis()) / 1000.0, d.param("factor")))
                .toList());
    }

    /** The pace at this incident second. */
    public double factorAt(double seconds) {
        double factor = 1;
        for (Window w : windows) {
            if (seconds >= w.from() && seconds < w.until()) {
                factor *= w.factor();
            }
        }
        return factor;
    }

    /** Traffic from the start to this incident second, in seconds at normal pace. */
    public double integral(double seconds) {
        TreeSet<Double> edges = new TreeSet<>();
        edges.add(0.0);
        for (Window w : windows) {
            edges.add(w.from());
            edges.add(w.until());
        }
        double total = 0;
        Double from = 0.0;
        for (Double edge : edges.tailSet(0.0, false)) {
            if (from >= seconds) {
                break;
            }
            double until = Math.min(edge, seconds);
            total += (until - from) * factorAt(from);
            from = edge;
        }
        if (from < seconds) {
            total += (seconds - from) * factorAt(from);
        }
        return total;
    }
}
