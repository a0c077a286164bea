package io.leakdrill.crm;

/**
 * How long a fixed component lets an unused session or room live: set in incident minutes, as its patch says, and
 * kept in real milliseconds, as the clock it is checked against runs.
 */
public record IdleLimit(int incidentMinutes, long realMillis) {

    /** The limit for a drill whose incident time runs {@code speed} times faster than real time. */
    public static IdleLimit ofIncidentMinutes(int minutes, double speed) {
        return new IdleLimit(minutes, (long) (minutes * 60_000 / speed));
    }

    /** As the trainee reads it. */
    @Override
    public String toString() {
        return incidentMinutes + " incident min";
    }
}
