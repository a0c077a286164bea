package io.leakdrill.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Maps real time to incident time: the incident starts at a wall-clock moment and runs {@code speed} times faster. */
public final class IncidentClock {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock real;
    private final OffsetDateTime incidentStart;
    private final double speed;
    private volatile Instant realStart;
    private volatile Duration frozenAt;

    public IncidentClock(Clock real, OffsetDateTime incidentStart, double speed) {
        this.real = real;
        this.incidentStart = incidentStart;
        this.speed = speed;
    }

    /** Starts incident time now; before this, incident time stands at the start. */
    public void start() {
        realStart = real.instant();
    }

    public double speed() {
        return speed;
    }

    public OffsetDateTime incidentStart() {
        return incidentStart;
    }

    public Instant realNow() {
        return real.instant();
    }

    public long realMillis() {
        return real.millis();
    }

    /**
     * Stops incident time where it stands: once the world is stopped nothing more happens in the incident, and what
     * the trainee writes afterwards (the postmortem) belongs to the moment it ended.
     */
    public void freeze() {
        if (frozenAt == null) {
            frozenAt = elapsed();
        }
    }

    /** Incident time elapsed since the start, or up to the freeze. */
    public Duration elapsed() {
        Duration frozen = frozenAt;
        if (frozen != null) {
            return frozen;
        }
        Instant started = realStart;
        if (started == null) {
            return Duration.ZERO;
        }
        long realNanos = Duration.between(started, real.instant()).toNanos();
        return Duration.ofNanos((long) (realNanos * speed));
    }

    public double elapsedSeconds() {
        return elapsed().toNanos() / 1e9;
    }

    public OffsetDateTime now() {
        return incidentStart.plus(elapsed());
    }

    public String clockText() {
        return now().format(HH_MM);
    }

    public String clockTextSeconds(Duration at) {
        return incidentStart.plus(at).format(HH_MM_SS);
    }

    /** How much real time an incident duration takes at this speed. */
    public Duration realFor(Duration incident) {
        return Duration.ofNanos((long) (incident.toNanos() / speed));
    }
}
