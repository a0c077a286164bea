package io.leakdrill.console;

import io.leakdrill.drill.Drill;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * What commands work with: the running drill, the transcript, the evidence seen so far, how to decorate output, how
 * to ask the trainee a yes/no question, and a way to let incident time pass.
 */
public final class DrillSession {

    /** Asks the trainee a yes/no question; a script answers yes, since nobody is there to ask. */
    @FunctionalInterface
    public interface Asker {
        boolean confirm(String question);
    }

    /** A line that shows how a long command is getting on: a terminal redraws it in place; a script shows none. */
    @FunctionalInterface
    public interface Progress {
        /** Shows this text in place of the last; an empty text clears the line. */
        void show(String text);
    }

    private static final int SCRIPT_WIDTH = 100;
    private static final int MIN_WIDTH = 40;
    // Wider than this, lines of prose get hard to follow, however wide the window.
    private static final int MAX_WIDTH = 140;

    private final Drill drill;
    private final Style style;
    private final Asker asker;
    private final Progress progress;
    private final IntSupplier width;
    private final Set<String> evidence = new LinkedHashSet<>();
    private final List<String> evidenceOfCommand = new ArrayList<>();

    /** A session without a terminal: plain output, every question answered yes. */
    public DrillSession(Drill drill) {
        this(drill, Style.PLAIN, question -> true, text -> { }, () -> SCRIPT_WIDTH);
    }

    /** @param width the terminal's width now, in columns (it may change as the window does) */
    public DrillSession(Drill drill, Style style, Asker asker, Progress progress, IntSupplier width) {
        this.drill = drill;
        this.style = style;
        this.asker = asker;
        this.progress = progress;
        this.width = width;
    }

    public Drill drill() {
        return drill;
    }

    public Style style() {
        return style;
    }

    /** How wide output may be: the terminal's width, within reason; 100 columns without a terminal. */
    public int width() {
        int columns = width.getAsInt();
        return columns < MIN_WIDTH ? SCRIPT_WIDTH : Math.min(columns, MAX_WIDTH);
    }

    public Progress progress() {
        return progress;
    }

    public boolean confirm(String question) {
        return asker.confirm(question);
    }

    /** Asks before the drill ends early (`quit`, Ctrl-D): that cannot be undone. */
    public boolean confirmEnd() {
        return asker.confirm("End the drill now? It is graded as it stands. [y/N] ");
    }

    /** Records a structured event the grader reads (ack, deploy, ...). */
    public long record(String type, JsonObjectBuilder fields) {
        return drill.transcript().write(type, fields);
    }

    /**
     * Records what a look at the system showed and gives it a short id (E12) that the trainee sees, and that
     * `hypothesis`, `rule-out` and `diagnose` may cite.
     */
    public synchronized String evidence(JsonObjectBuilder fields) {
        String id = "E" + (evidence.size() + 1);
        drill.transcript().write("evidence", fields.add("ref", id));
        evidence.add(id);
        evidenceOfCommand.add(id);
        return id;
    }

    /** Whether an evidence id was given out in this drill. */
    public synchronized boolean knowsEvidence(String id) {
        return evidence.contains(id);
    }

    public synchronized List<String> evidenceIds() {
        return List.copyOf(evidence);
    }

    /** The evidence ids given out since the last call: the dispatcher shows them under a command's output. */
    synchronized List<String> takeEvidenceOfCommand() {
        List<String> ids = List.copyOf(evidenceOfCommand);
        evidenceOfCommand.clear();
        return ids;
    }

    public String clock() {
        return drill.clock().clockText();
    }

    /** Lets incident time pass; the world keeps running meanwhile. Ctrl-C (an interrupt) ends the wait early. */
    public void waitIncident(Duration incident) throws InterruptedException {
        long deadline = System.nanoTime() + drill.clock().realFor(incident).toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            if (Thread.interrupted()) {
                throw new InterruptedException("wait cancelled");
            }
        }
    }
}
