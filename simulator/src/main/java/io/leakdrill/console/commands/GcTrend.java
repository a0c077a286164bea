package io.leakdrill.console.commands;

import io.leakdrill.world.monitor.Sample;
import java.util.List;
import java.util.Optional;

/**
 * The trend in a window of monitor samples from one CRM process: how fast the heap floor (old generation after GC)
 * moves per incident minute, and GC's share of time at the start and at the end.
 *
 * @param first the first sample the trend covers
 * @param last the last sample the trend covers
 * @param samples how many samples (all with the CRM up) the trend covers
 * @param restarted whether the window began with an earlier CRM process, which the trend leaves out
 * @param floorBytesPerMinute the floor's least-squares slope, in bytes per incident minute
 */
record GcTrend(Sample first, Sample last, int samples, boolean restarted, double floorBytesPerMinute) {

    /** The trend over the samples of the window's last CRM process, or empty when the CRM answered none of them. */
    static Optional<GcTrend> of(List<Sample> window) {
        int start = -1;
        Sample previous = null;
        boolean restarted = false;
        for (int i = 0; i < window.size(); i++) {
            Sample s = window.get(i);
            if (!s.crmUp()) {
                // A missed scrape may be a CRM too busy collecting to answer: same process, so no break here.
                continue;
            }
            if (start < 0) {
                start = i;
            } else if (newProcess(previous, s)) {
                start = i;
                restarted = true;
            }
            previous = s;
        }
        if (start < 0) {
            return Optional.empty();
        }
        List<Sample> segment = window.subList(start, window.size()).stream().filter(Sample::crmUp).toList();
        return Optional.of(new GcTrend(segment.get(0), segment.get(segment.size() - 1), segment.size(), restarted,
                slopePerMinute(segment)));
    }

    double minutes() {
        return (last.atSeconds() - first.atSeconds()) / 60;
    }

    double floorRatioPerMinute() {
        return last.oldMax() <= 0 ? 0 : floorBytesPerMinute / last.oldMax();
    }

    // Samples carry no pid; a JVM's collection counters only ever grow, so counters that went back mean a new one.
    private static boolean newProcess(Sample before, Sample after) {
        return after.gcCount() < before.gcCount() || after.gcTimeMs() < before.gcTimeMs();
    }

    // A fitted line rather than last minus first, so one odd reading at either end of the window does not decide
    // the trend.
    private static double slopePerMinute(List<Sample> segment) {
        int n = segment.size();
        if (n < 2) {
            return 0;
        }
        double meanT = segment.stream().mapToDouble(s -> s.atSeconds() / 60).average().orElse(0);
        double meanY = segment.stream().mapToDouble(Sample::oldAfterGc).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample s : segment) {
            double dt = s.atSeconds() / 60 - meanT;
            covariance += dt * (s.oldAfterGc() - meanY);
            variance += dt * dt;
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
