package io.leakdrill.drill;

/**
 * Derives how often users do the habit the leak feeds on from the scenario's leak target and the measured traffic: the old generation
 * should grow from the starting floor to exhaustion by the target time, whatever the speed. Until the first restart
 * it also corrects for the measured floor drifting from that plan, so story and physics line up.
 */
public final class LeakPacer {

    private final double bytesPerIncidentSecond;
    private final double speed;
    private final long bytesPerHabit;
    private final double startFloorBytes;
    private final double slowest;
    private volatile double probability;
    private volatile boolean onPlan = true;

    public LeakPacer(double startFloorBytes, double exhaustedBytes, double targetSeconds, double speed,
            long bytesPerHabit) {
        this(startFloorBytes, exhaustedBytes, targetSeconds, speed, bytesPerHabit, 0);
    }

    /**
     * @param slowest the lowest share of the planned pace the leak keeps while ahead of plan: 0 lets it pause, for an
     *     area that only the leak moves; above 0 for an area the JVM's own tools also fill (metaspace, where a flight
     *     recording loads its classes), so that such a step does not freeze the leak for minutes
     */
    public LeakPacer(double startFloorBytes, double exhaustedBytes, double targetSeconds, double speed,
            long bytesPerHabit, double slowest) {
        this.slowest = slowest;
        this.startFloorBytes = startFloorBytes;
        this.bytesPerIncidentSecond = (exhaustedBytes - startFloorBytes) / targetSeconds;
        this.speed = speed;
        this.bytesPerHabit = Math.max(1, bytesPerHabit);
    }

    /** The chance, before each user action, that the user does the habit the leak feeds on instead. */
    public double habitProbability() {
        return probability;
    }

    /** After a restart the heap starts over: keep the leak's pace, stop steering toward the original plan. */
    public void offPlan() {
        onPlan = false;
    }

    public double plannedFloor(double elapsedSeconds) {
        return startFloorBytes + bytesPerIncidentSecond * elapsedSeconds;
    }

    /** Re-derives the probability from the latest sample. */
    public void update(double elapsedSeconds, double measuredFloorBytes, double actionsPerRealSecond,
            double oldMaxBytes) {
        double loginsPerRealSecond = bytesPerIncidentSecond * speed / bytesPerHabit;
        if (onPlan && oldMaxBytes > 0) {
            double drift = (plannedFloor(elapsedSeconds) - measuredFloorBytes) / (0.02 * oldMaxBytes);
            loginsPerRealSecond *= Math.max(slowest, Math.min(4, 1 + drift));
        }
        probability = Math.min(1, loginsPerRealSecond / Math.max(1, actionsPerRealSecond));
    }
}
