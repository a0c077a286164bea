package io.leakdrill.drill;

import io.leakdrill.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;

/** How to run one drill: the scenario, seed and speed, where its files go, and who the trainee is. */
public record DrillOptions(Scenario scenario, long seed, double speed, Path folder, Path transcript, String trainee,
        Clock clock) {
}
