package io.leakdrill.cli;

import io.leakdrill.grader.Grader;
import io.leakdrill.grader.Transcript;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `bench --grading`: how fast `leakdrill grade` reads and scores a long transcript. The transcript is a real expert
 * drill on the default scenario, its events played over and over (times and sequence numbers moved on each time).
 */
final class GradingBench {

    private static final int EVENTS = 500_000;
    private static final int RUNS = 5;

    private GradingBench() {
    }

    static void run(Path work, Io io) throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.standard();
        Scenario scenario = catalog.load(ScenarioCatalog.DEFAULT_ID);
        Scenario.Variant variant = scenario.variants().get(0);
        Path script = catalog.referenceSolution(scenario.id(), variant.id());
        Path played = FreshPlay.play(scenario.id(), script, work.resolve("expert"), List.of("--variant",
                variant.id(), "--seed", "1", "--speed", "180", "--trainee", "bench"), Duration.ofMinutes(3));
        Path large = work.resolve("large.jsonl");
        int events = repeat(played, large);
        double megabytes = Files.size(large) / 1e6;

        List<Long> parse = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        // One run more than counted: the first loads and compiles the grader.
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            Transcript transcript;
            try (Reader reader = Files.newBufferedReader(large)) {
                transcript = Transcript.parse(reader);
            }
            long parsed = System.nanoTime();
            Grader.grade(transcript);
            long graded = System.nanoTime();
            if (run > 0) {
                parse.add(parsed - start);
                total.add(graded - start);
            }
        }
        parse.sort(Long::compare);
        total.sort(Long::compare);
        double seconds = total.get(RUNS / 2) / 1e9;
        io.out().printf(Locale.ROOT, "grading throughput: %,d events (%.0f MB; an expert drill on %s repeated): "
                + "median %.0f ms to read and grade (%.0f ms of it reading), %,.0f events/s  (goal >= 100,000)%n",
                events, megabytes, scenario.id(), seconds * 1000, parse.get(RUNS / 2) / 1e6, events / seconds);
    }

    /** Writes the played drill's events again and again after its header, then its end; returns the event count. */
    private static int repeat(Path played, Path large) throws Exception {
        List<String> lines = Files.readAllLines(played);
        List<JsonObject> body = new ArrayList<>();
        JsonObject end = null;
        for (String line : lines.subList(1, lines.size())) {
            JsonObject event = Json.createReader(new StringReader(line)).readObject();
            if ("end".equals(event.getString("type"))) {
                end = event;
            } else {
                body.add(event);
            }
        }
        if (end == null || body.isEmpty()) {
            throw new DrillFailure("the bench's expert drill did not end cleanly; see " + played, null);
        }
        double span = end.getJsonNumber("at").doubleValue();
        int count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(large)) {
            out.write(lines.get(0));
            out.newLine();
            for (int round = 0; count < EVENTS; round++) {
                for (JsonObject event : body) {
                    count++;
                    out.write(moved(event, count, round * span).toString());
                    out.newLine();
                }
            }
            count++;
            out.write(moved(end, count, (count / body.size()) * span).toString());
            out.newLine();
        }
        return count;
    }

    private static JsonObject moved(JsonObject event, long seq, double by) {
        return Json.createObjectBuilder(event).add("seq", seq)
                .add("at", event.getJsonNumber("at").doubleValue() + by).build();
    }
}
