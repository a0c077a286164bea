package io.leakdrill.drill;

import io.leakdrill.world.monitor.MemoryArea;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A played drill's transcript, read the way a test asks questions of it: events by type, samples by time. */
record PlayedTranscript(List<JsonObject> events) {

    static PlayedTranscript read(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return new PlayedTranscript(lines.filter(l -> !l.isBlank()).map(PlayedTranscript::parse).toList());
        }
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    Stream<JsonObject> ofType(String type) {
        return events.stream().filter(e -> type.equals(e.getString("type", "")));
    }

    Stream<JsonObject> samples() {
        return ofType("sample").filter(s -> s.getBoolean("crmUp"));
    }

    /** Everything the console printed, command by command. */
    Stream<String> outputs() {
        return ofType("output").map(o -> o.getString("text", ""));
    }

    Optional<JsonObject> deployOf(String patch) {
        return ofType("deploy").filter(d -> patch.equals(d.getString("patch"))).findFirst();
    }

    /** The sample of a running CRM nearest to {@code seconds} of incident time (a stalled CRM misses scrapes). */
    Optional<JsonObject> sampleAt(double seconds) {
        return samples().min(java.util.Comparator.comparingDouble(s -> Math.abs(at(s) - seconds)));
    }

    static double at(JsonObject event) {
        return event.getJsonNumber("at").doubleValue();
    }

    /** How much of the leaking area a sample shows in use, in bytes. */
    static long used(JsonObject sample, MemoryArea area) {
        return sample.getJsonNumber(switch (area) {
            case HEAP -> "oldAfterGc";
            case METASPACE -> "metaspaceUsed";
            case NATIVE -> "directUsed";
        }).longValue();
    }

    static long max(JsonObject sample, MemoryArea area) {
        return sample.getJsonNumber(switch (area) {
            case HEAP -> "oldMax";
            case METASPACE -> "metaspaceMax";
            case NATIVE -> "directMax";
        }).longValue();
    }
}
