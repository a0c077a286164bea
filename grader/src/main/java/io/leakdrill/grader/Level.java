package io.leakdrill.grader;

import java.util.Locale;

/** The level a total earns, by its share of the maximum score. */
enum Level {
    EXPERT(85), PROFICIENT(70), DEVELOPING(40), NOVICE(0);

    private final int percent;

    Level(int percent) {
        this.percent = percent;
    }

    static Level of(int total, int max) {
        for (Level level : values()) {
            // Whole-number arithmetic, so a boundary score never depends on floating-point rounding.
            if ((long) total * 100 >= (long) level.percent * max) {
                return level;
            }
        }
        return NOVICE;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
