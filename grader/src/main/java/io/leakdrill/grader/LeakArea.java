package io.leakdrill.grader;

import java.util.Arrays;

/** The memory area a drill's leak fills, and the sample fields that measure it. */
enum LeakArea {
    HEAP("heap", "oldAfterGc", "oldMax", "old gen floor", "old max"),
    METASPACE("metaspace", "metaspaceUsed", "metaspaceMax", "metaspace used", "metaspace max"),
    NATIVE("native", "directUsed", "directMax", "direct buffer memory", "its limit");

    private final String id;
    private final String usedField;
    private final String maxField;
    private final String level;
    private final String limit;

    LeakArea(String id, String usedField, String maxField, String level, String limit) {
        this.id = id;
        this.usedField = usedField;
        this.maxField = maxField;
        this.level = level;
        this.limit = limit;
    }

    /** The area named in a transcript header; transcripts written before areas existed leak into the heap. */
    static LeakArea of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst().orElse(HEAP);
    }

    /** As the transcript names it: heap, metaspace or native. */
    String id() {
        return id;
    }

    String usedField() {
        return usedField;
    }

    String maxField() {
        return maxField;
    }

    /** What the trainee watches in this area, as the scorecard names it ("old gen floor"). */
    String level() {
        return level;
    }

    /** What the rise is measured against ("old max"). */
    String limit() {
        return limit;
    }
}
