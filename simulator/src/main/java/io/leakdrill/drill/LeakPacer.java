package io.leakdrill.drill;

import java.util.function.DoubleSupplier;

/**
 * Derives how often users do the habit the leak feeds on from the scenario's leak target and the measured traffic:
 * the leaking area should grow from the starting floor to exhaustion by the target time, whatever the speed. Until
 * the first restart it also corrects for the measured floor drifting from that plan, so story and physics line up.
 *
 * <p>A backlog (a queue with a slow consumer) is not a plain leak: it grows only by what arrives beyond what its
 * consumer works off, and what arrives follows the traffic. Given a drain, the habit follows the story's planned
 * load: more of it in a rush, less in a lull, and the plan accounts for both.
 */
public final class LeakPacer {

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

    /** A true leak: what users leave behind stays, at a steady pace. */
    public LeakPacer(double startFloorBytes, double exhaustedBytes, double targetSeconds, double speed,
            long bytesPerHabit) {
        this(startFloorBytes, exhaustedBytes, targetSeconds, speed, bytesPerHabit, 0, () -> 0, LoadProfile.flat(), 0,
                0);
    }

    /**
     * @param drainPerSecond how many habits' worth the leaking component works off per incident second while it
     *     holds any (a queue's consumer), as planned; 0 for a true leak
     * @param drainedHabits how many habits' worth it has worked off so far, as measured where it delivers
     * @param load the traffic the story plans; the habit follows it
     * @param floorWindowSeconds how far back (incident seconds) the measured floor looks for its lowest reading. A
     *     rising floor then lags what is live by this much, and once a lull ends it stays at the lull's bottom this
     *     long whatever users do: the plan is compared the same way, so that lag is not taken for a shortfall
     * @param normalActionsPerSecond what users do per real second at their normal pace, the least a backlog's
     *     pace is shared out over (half of it, times the planned load)
     */
    public LeakPacer(double startFloorBytes, double exhaustedBytes, double targetSeconds, double speed,
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

    /** The chance, before each user action, that the user does the habit the leak feeds on instead. */
    public double habitProbability() {
        return probability;
    }

    /** After a restart the heap starts over: keep the leak's pace, stop steering toward the original plan. */
    public void offPlan() {
        onPlan = false;
    }

    /** The floor the plan expects at this incident second, read the way the floor metric reads what is live. */
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

    /** Re-derives the probability from the latest sample. */
    public synchronized void update(double elapsedSeconds, double measuredFloorBytes, double actionsPerRealSecond,
            double oldMaxBytes) {
        boolean backlog = drainPerSecond > 0;
        double multiplier = 1;
        if (onPlan && oldMaxBytes > 0) {
            double drift = backlog
                    ? backlogDrift(elapsedSeconds, measuredFloorBytes, actionsPerRealSecond, oldMaxBytes)
                    : (plannedFloor(elapsedSeconds) - measuredFloorBytes) / (0.02 * oldMaxBytes);
            multiplier = Math.max(0, Math.min(4, 1 + drift));
            if (backlog) {
                multiplier = keepTheStory(multiplier, load.factorAt(elapsedSeconds));
            }
        }
        double habitsPerRealSecond = habitsPerSecondAtNormalLoad * speed * load.factorAt(elapsedSeconds) * multiplier;
        // Users just starting (or a scrape that came late) can make the measured pace look tiny; a backlog must
        // not take that for a reason to make every action the habit.
        double actions = backlog
                ? Math.max(actionsPerRealSecond, normalActionsPerSecond * load.factorAt(elapsedSeconds) / 2)
                : actionsPerRealSecond;
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
