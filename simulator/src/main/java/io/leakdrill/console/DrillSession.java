package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** What commands work with: the running drill, the transcript, and a way to let incident time pass. */
public final class DrillSession {

    private final Drill drill;

    public DrillSession(Drill drill) {
        this.drill = drill;
    }

    public Drill drill() {
        return drill;
    }

    /** Records a structured event the grader reads (ack, evidence, deploy, ...). */
    public long record(String type, JsonObjectBuilder fields) {
        return drill.transcript().write(type, fields);
    }

    public String clock() {
        return drill.clock().clockText();
    }

    /** Lets incident time pass; the world keeps running meanwhile. */
    public void waitIncident(Duration incident) {
        long deadline = System.nanoTime() + drill.clock().realFor(incident).toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
