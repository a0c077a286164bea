package io.leakdrill.drill;

/**
 * Decides how often users do the habit the leaking component feeds on, so that its memory area follows the
 * scenario's plan: from the starting level to exhaustion by the target time, whatever the clock speed.
 */
public interface HabitPacer {

    /** The chance, before each user action, that the user does the habit the leak feeds on instead. */
    double habitProbability();

    /** After a restart the area starts over: keep the pace, stop steering toward the original plan. */
    void offPlan();

    /** The level the plan expects the CRM to report at this incident second. */
    double plannedFloor(double elapsedSeconds);

    /** Re-derives the probability from the latest sample. */
    void update(double elapsedSeconds, double measuredFloorBytes, double actionsPerRealSecond, double oldMaxBytes);
}
