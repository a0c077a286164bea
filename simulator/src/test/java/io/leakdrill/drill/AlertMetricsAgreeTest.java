package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leakdrill.grader.SampleMetric;
import io.leakdrill.world.monitor.JvmGauges;
import io.leakdrill.world.monitor.Metric;
import io.leakdrill.world.monitor.Sample;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grader replays a trainee's alert rule against the transcript's samples; it must read every metric as the live
 * monitor does, or a rule would be graded on numbers the trainee never had.
 */
class AlertMetricsAgreeTest {

    @Test
    void everyLiveMetricReadsTheSameFromTheTranscriptSample() {
        // Every field distinct and not round, so a metric reading the wrong field cannot agree by chance.
        Sample sample = new Sample(930, true, 51_000_001, 64_000_003, 40_000_007, 48_000_011, 33_000_013, 417, 2_311,
                0.0731, 9_001, 37, 812.4, 95.3, 3, 1_203, 140.2, 955.6, 17, 9, 2, 80.3, 0.2187,
                new JvmGauges(9_000_019, 12_000_023, 71_000_027, 128_000_029, 31_000_031, 96_000_037, 403,
                        311_000_041, 401, 1_901, 16, 410, 30_000_043));
        JsonObject json = SampleJson.of(sample).build();

        List<String> grader = Arrays.stream(SampleMetric.values()).map(SampleMetric::id).toList();
        assertEquals(Arrays.stream(Metric.values()).map(Metric::id).toList(), grader, "the same metrics, in order");
        for (Metric metric : Metric.values()) {
            SampleMetric replayed = SampleMetric.values()[metric.ordinal()];
            double live = metric.valueIn(sample);
            // The transcript rounds ratios to 4 decimals and latencies to 0.1 ms.
            assertEquals(live, replayed.valueIn(json), Math.max(1e-4, Math.abs(live) * 1e-4), metric.id());
        }
    }
}
