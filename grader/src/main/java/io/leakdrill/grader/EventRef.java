package io.leakdrill.grader;

/** A transcript event cited as the reason for points: its seq, incident seconds and incident clock time. */
public record EventRef(long seq, double at, String clock) {

    public EventRef {
        clock = clock == null ? "" : clock;
    }

    /** The citation as the text scorecard shows it, e.g. {@code #12 15:47:00}. */
    @Override
    public String toString() {
        return "#" + seq + " " + clock;
    }
}
