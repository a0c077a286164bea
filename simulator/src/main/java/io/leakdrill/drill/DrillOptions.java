package io.leakdrill.drill;

import io.leakdrill.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run one drill: the scenario and the variant chosen from it, seed and speed, where its files go, and who the
 * trainee is.
 */
public record DrillOptions(Scenario scenario, Scenario.Variant variant, long seed, double speed, Path folder,
        Path transcript, String trainee, Clock clock) {
}
