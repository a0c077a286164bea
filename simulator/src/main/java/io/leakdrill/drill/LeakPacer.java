package io.leakdrill.drill;

/**
 * Derives how often users do the habit the leak feeds on from the scenario's leak target and the measured traffic:
 * the leaking area should grow from the starting floor to exhaustion by the target time, whatever the speed. Until
 * the first restart it also corrects for the measured floor drifting from that plan, so story and physics line up.
 */
public final class LeakPacer implements HabitPacer {

    // Ahead of plan the leak slows, but never stops: a histogram diff must show it growing at any time.
    private static final double SLOWEST = 0.75;
    private static final double FASTEST = 4;
    // A floor this share of the area's limit behind plan doubles the pace. Near the top G1's mixed collections
    // reclaim garbage the floor used to include, so the floor rises slower than the leak: steer firmly.
    private static final double GAIN_SHARE = 0.01;
    // Once traffic has run this long the plan restarts from the floor measured then. The warm-up floor is taken
    // before users connect; their keep-alive connections (several MB of buffers on a 64 MB heap) show in the floor
    // only when the CRM's floor window (the lowest reading over five incident minutes) has passed them.
    private static final double SETTLE_SECONDS = 10 * 60;

    private final double exhaustedBytes;
    private final double targetSeconds;
    private final double speed;
    private final long bytesPerHabit;
    private volatile double startSeconds;
    private volatile double startFloorBytes;
    private volatile double bytesPerIncidentSecond;
    private volatile double probability;
    private volatile boolean settled;
    private volatile boolean onPlan = true;

    public LeakPacer(double startFloorBytes, double exhaustedBytes, double targetSeconds, double speed,
            long bytesPerHabit) {
        this.exhaustedBytes = exhaustedBytes;
        this.targetSeconds = targetSeconds;
        this.startFloorBytes = startFloorBytes;
        this.bytesPerIncidentSecond = (exhaustedBytes - startFloorBytes) / targetSeconds;
        this.speed = speed;
        this.bytesPerHabit = Math.max(1, bytesPerHabit);
    }

    @Override
    public double habitProbability() {
        return probability;
    }

    @Override
    public void offPlan() {
        onPlan = false;
    }

    @Override
    public double plannedFloor(double elapsedSeconds) {
        return startFloorBytes + bytesPerIncidentSecond * (elapsedSeconds - startSeconds);
    }

    @Override
    public void update(double elapsedSeconds, double measuredFloorBytes, double actionsPerRealSecond,
            double oldMaxBytes) {
        if (onPlan && !settled && oldMaxBytes > 0 && elapsedSeconds >= settleSeconds()) {
            settled = true;
            startSeconds = elapsedSeconds;
            startFloorBytes = measuredFloorBytes;
            // Still a leak if the floor settled at or above exhaustion: a pace that shows in a diff.
            bytesPerIncidentSecond = Math.max(bytesPerIncidentSecond / 4,
                    (exhaustedBytes - measuredFloorBytes) / Math.max(60, targetSeconds - elapsedSeconds));
        }
        double habitsPerRealSecond = bytesPerIncidentSecond * speed / bytesPerHabit;
        if (onPlan && settled && oldMaxBytes > 0) {
            double drift = (plannedFloor(elapsedSeconds) - measuredFloorBytes) / (GAIN_SHARE * oldMaxBytes);
            habitsPerRealSecond *= Math.max(SLOWEST, Math.min(FASTEST, 1 + drift));
        }
        probability = Math.min(1, habitsPerRealSecond / Math.max(1, actionsPerRealSecond));
    }

    // Short drills settle sooner, so that most of the incident still runs on the corrected plan.
    private double settleSeconds() {
        return Math.min(SETTLE_SECONDS, targetSeconds / 5);
    }
}
