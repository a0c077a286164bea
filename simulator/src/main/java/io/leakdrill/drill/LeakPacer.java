package io.leakdrill.drill;

/**
 * Derives the users' new-session rate from the scenario's leak target and the measured traffic: the old generation
 * should grow from the starting floor to exhaustion by the target time, whatever the speed. Until the first restart
 * it also corrects for the measured floor drifting from that plan, so story and physics line up.
 */
public final class LeakPacer {

    private final double bytesPerIncidentSecond;
    private final double speed;
    private final long bytesPerSession;
    private final double startFloorBytes;
    private volatile double probability;
    private volatile boolean onPlan = true;

    public LeakPacer(double startFloorBytes, double exhaustedBytes, double targetSeconds, double speed,
            long bytesPerSession) {
        this.startFloorBytes = startFloorBytes;
        this.bytesPerIncidentSecond = (exhaustedBytes - startFloorBytes) / targetSeconds;
        this.speed = speed;
        this.bytesPerSession = Math.max(1, bytesPerSession);
    }

    /** The chance, before each user action, of abandoning the session and logging in again. */
    public double newSessionProbability() {
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
        double loginsPerRealSecond = bytesPerIncidentSecond * speed / bytesPerSession;
        if (onPlan && oldMaxBytes > 0) {
            double drift = (plannedFloor(elapsedSeconds) - measuredFloorBytes) / (0.02 * oldMaxBytes);
            loginsPerRealSecond *= Math.max(0, Math.min(4, 1 + drift));
        }
        probability = Math.min(1, loginsPerRealSecond / Math.max(1, actionsPerRealSecond));
    }
}
