package io.leakdrill.drill;

import java.util.ArrayDeque;

/**
 * Steers a backlog's pace on the heap floor. The floor is the lowest reading over a window, so it shows a rise only
 * a window late; steered on it alone, a backlog that also shrinks would overshoot both ways. What users were asked
 * to add and what the consumer delivered since then are known (the relay counts what it accepts), so what is live now
 * is estimated from the floor and that record (the floor is the window's lowest point of it), and steered gently
 * toward the plan. A slow integral on the floor itself takes up what the record misses, such as garbage the floor
 * keeps.
 */
final class BacklogSteering {

    private final double windowSeconds;
    private final double bytesPerHabit;
    private final double speed;
    // (incident second, bytes added by arrivals less drain since the start), over the last window.
    private final ArrayDeque<double[]> record = new ArrayDeque<>();
    private double added;
    private double integralBytes;
    private double lastSeconds = Double.NaN;
    private double lastDrained = Double.NaN;
    private double startBytes = Double.NaN;

    BacklogSteering(double windowSeconds, double bytesPerHabit, double speed) {
        this.windowSeconds = windowSeconds;
        this.bytesPerHabit = bytesPerHabit;
        this.speed = speed;
        record.add(new double[] {0, 0});
    }

    /**
     * @param askedProbability the habit's probability since the last update, which the measured pace carried out
     * @param drainedHabits habits' worth the consumer has delivered so far, as the receiving end counts them
     * @param floorReadable false while the floor still mixes the warm-up's clean reading with garbage building up:
     *     then what is live is estimated from the start and the record alone
     * @return how far below the plan the backlog runs, in units where 1 means "twice the planned pace"
     */
    double drift(double seconds, double floorBytes, double plannedFloorBytes, double plannedLiveBytes,
            double askedProbability, double actionsPerRealSecond, double drainedHabits, double maxBytes,
            boolean floorReadable) {
        if (Double.isNaN(startBytes)) {
            startBytes = floorBytes;
        }
        double step = Double.isNaN(lastSeconds) ? 0 : Math.max(0, seconds - lastSeconds);
        double drained = Double.isNaN(lastDrained) ? 0 : Math.max(0, drainedHabits - lastDrained);
        lastSeconds = seconds;
        lastDrained = drainedHabits;
        double arrivals = askedProbability * actionsPerRealSecond / speed * step;
        added += (arrivals - drained) * bytesPerHabit;
        record.addLast(new double[] {seconds, added});
        while (record.size() > 1 && record.peekFirst()[0] < seconds - windowSeconds) {
            record.removeFirst();
        }
        double lowest = record.stream().mapToDouble(r -> r[1]).min().orElse(added);
        double liveBytes = floorReadable ? floorBytes - lowest + added : startBytes + added;

        if (floorReadable) {
            integralBytes += (plannedFloorBytes - floorBytes) * Math.min(1, step / 600);
            integralBytes = Math.max(-0.1 * maxBytes, Math.min(0.1 * maxBytes, integralBytes));
        }
        double shortfall = plannedLiveBytes - liveBytes;
        // A queue's delivered messages die in the old generation: a few percent of excess is often garbage the
        // collector has not reached yet, and is left to the integral.
        double proportional = shortfall >= 0 ? shortfall : Math.min(0, shortfall + 0.05 * maxBytes);
        return (proportional + integralBytes) / (0.08 * maxBytes);
    }
}
