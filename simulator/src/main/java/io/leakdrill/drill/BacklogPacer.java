package io.leakdrill.drill;

import java.util.function.DoubleSupplier;

/**
 * Paces a backlog (a queue with a slow consumer), which is not a plain leak: it grows only by what arrives beyond what
 * its consumer works off, and what arrives follows the traffic. The habit follows the story's planned load, more of
 * it in a rush and less in a lull, and the plan still reaches exhaustion by the target time.
 */
public final class BacklogPacer implements HabitPacer {

    private static final double ANCHOR_AFTER_WINDOWS = 2;
    private static final double RUSH = 1.5;
    private static final double RUSH_OVER_DRAIN = 1.3;
    private static final double LULL = 0.7;
    private static final double LULL_UNDER_DRAIN = 0.7;

    private final double speed;
    private final long bytesPerHabit;
    private final double exhaustedBytes;
    private final double liveTargetSeconds;
    private final double drainPerSecond;
    private final LoadProfile load;
    private final double floorWindowSeconds;
    private final double normalActionsPerSecond;
    private final BacklogSteering steering;
    private final DoubleSupplier drainedHabits;
    private double startFloorBytes;
    private double habitsPerSecondAtNormalLoad;
    private boolean anchored;
    private volatile double probability;
    private volatile boolean onPlan = true;

    /**
     * @param drainPerSecond how many habits' worth the leaking component works off per incident second while it
     *     holds any (its consumer), as planned; above 0
     * @param drainedHabits how many habits' worth it has worked off so far, as measured where it delivers
     * @param load the traffic the story plans; the habit follows it
     * @param floorWindowSeconds how far back (incident seconds) the measured floor looks for its lowest reading. A
     *     rising floor then lags what is live by this much, and once a lull ends it stays at the lull's bottom this
     *     long whatever users do: the plan is compared the same way, so that lag is not taken for a shortfall
     * @param normalActionsPerSecond what users do per real second at their normal pace, the least a backlog's
     *     pace is shared out over (half of it, times the planned load)
     */
    public BacklogPacer(double startFloorBytes, double exhaustedBytes, double targetSeconds, double speed,
            long bytesPerHabit, double drainPerSecond, DoubleSupplier drainedHabits, LoadProfile load,
            double floorWindowSeconds, double normalActionsPerSecond) {
        this.speed = speed;
        this.bytesPerHabit = Math.max(1, bytesPerHabit);
        this.exhaustedBytes = exhaustedBytes;
        this.drainPerSecond = drainPerSecond;
        this.load = load;
        this.floorWindowSeconds = floorWindowSeconds;
        this.normalActionsPerSecond = normalActionsPerSecond;
        // What is live must reach exhaustion one window early for the floor to show it at the target time.
        this.liveTargetSeconds = Math.max(1, targetSeconds - floorWindowSeconds);
        this.drainedHabits = drainedHabits;
        this.steering = new BacklogSteering(floorWindowSeconds, this.bytesPerHabit, speed);
        aimFrom(startFloorBytes);
    }

    private void aimFrom(double floorBytes) {
        startFloorBytes = floorBytes;
        habitsPerSecondAtNormalLoad = Math.max(0, ((exhaustedBytes - floorBytes) / bytesPerHabit
                + drainPerSecond * liveTargetSeconds) / load.integral(liveTargetSeconds));
    }

    @Override
    public double habitProbability() {
        return probability;
    }

    @Override
    public void offPlan() {
        onPlan = false;
    }

    // Read the way the floor metric reads what is live: the lowest over its window.
    @Override
    public synchronized double plannedFloor(double elapsedSeconds) {
        if (floorWindowSeconds <= 0) {
            return plannedLive(elapsedSeconds);
        }
        double lowest = plannedLive(elapsedSeconds);
        double step = floorWindowSeconds / 20;
        for (double at = elapsedSeconds - floorWindowSeconds; at < elapsedSeconds; at += step) {
            lowest = Math.min(lowest, plannedLive(at));
        }
        return lowest;
    }

    private double plannedLive(double elapsedSeconds) {
        double at = Math.max(0, elapsedSeconds);
        return startFloorBytes + bytesPerHabit * (habitsPerSecondAtNormalLoad * load.integral(at)
                - drainPerSecond * at);
    }

    @Override
    public synchronized void update(double elapsedSeconds, double measuredFloorBytes, double actionsPerRealSecond,
            double oldMaxBytes) {
        double multiplier = 1;
        if (onPlan && oldMaxBytes > 0) {
            double drift = backlogDrift(elapsedSeconds, measuredFloorBytes, actionsPerRealSecond, oldMaxBytes);
            multiplier = keepTheStory(Math.max(0, Math.min(4, 1 + drift)), load.factorAt(elapsedSeconds));
        }
        double habitsPerRealSecond = habitsPerSecondAtNormalLoad * speed * load.factorAt(elapsedSeconds) * multiplier;
        // Users just starting (or a scrape that came late) can make the measured pace look tiny; a backlog must
        // not take that for a reason to make every action the habit.
        double actions = Math.max(actionsPerRealSecond, normalActionsPerSecond * load.factorAt(elapsedSeconds) / 2);
        probability = Math.min(1, habitsPerRealSecond / Math.max(1, actions));
    }

    /**
     * However the floor strays (a queue's churn makes it noisy), the backlog keeps the story's shape: in a rush more
     * notices arrive than the consumer delivers, in a lull fewer, so it grows in the one and shrinks in the other.
     */
    private double keepTheStory(double multiplier, double loadFactor) {
        double planned = habitsPerSecondAtNormalLoad * loadFactor;
        if (planned <= 0) {
            return multiplier;
        }
        // Only a clear rush or lull: near the balance the plan itself decides which way it goes.
        double even = drainPerSecond / planned;
        if (planned >= RUSH * drainPerSecond) {
            return Math.max(multiplier, RUSH_OVER_DRAIN * even);
        }
        return planned <= LULL * drainPerSecond ? Math.min(multiplier, LULL_UNDER_DRAIN * even) : multiplier;
    }

    private double backlogDrift(double elapsedSeconds, double measuredFloorBytes, double actionsPerRealSecond,
            double oldMaxBytes) {
        boolean floorReadable = anchored || elapsedSeconds >= ANCHOR_AFTER_WINDOWS * floorWindowSeconds;
        if (floorReadable && !anchored) {
            // The warm-up's floor came straight after a full GC, without the garbage a working heap carries between
            // collections, which a queue's churn makes large; the floor shows that only once its window holds
            // nothing but incident readings taken after the garbage built up. Aim from there, still at exhaustion
            // on time.
            anchored = true;
            double target = plannedFloor(elapsedSeconds) + Math.max(-0.1 * oldMaxBytes,
                    Math.min(0.1 * oldMaxBytes, measuredFloorBytes - plannedFloor(elapsedSeconds)));
            // A higher start also lowers the pace still needed, so the shift converges over a few rounds.
            for (int round = 0; round < 4; round++) {
                aimFrom(startFloorBytes + target - plannedFloor(elapsedSeconds));
            }
        }
        return steering.drift(elapsedSeconds, measuredFloorBytes, plannedFloor(elapsedSeconds),
                plannedLive(elapsedSeconds), probability, actionsPerRealSecond, drainedHabits.getAsDouble(),
                oldMaxBytes, floorReadable);
    }
}
