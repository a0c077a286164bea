package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leakdrill.drill.Happenings.Happening;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's record of what happened keeps what the trainee saw or did, and nothing the drill hides. */
class HappeningsTest {

    @TempDir
    Path dir;

    @Test
    void keepsWhatTheTraineeSawOrDidAndDropsDecoysAndSamples() throws Exception {
        IncidentClock clock = new IncidentClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                OffsetDateTime.parse("2021-08-12T15:45:00-05:00"), 6);
        try (TranscriptWriter transcript = new TranscriptWriter(dir.resolve("t.jsonl"), clock,
                Json.createObjectBuilder().add("type", "drill").build())) {
            transcript.write("decoy", Json.createObjectBuilder().add("decoy", "bi-report").add("state", "begun"));
            transcript.write("sample", Json.createObjectBuilder().add("usersAffected", 0.2));
            transcript.write("story", Json.createObjectBuilder().add("kind", "ticket").add("from", "Support")
                    .add("text", "slow"));
            transcript.write("evidence", Json.createObjectBuilder().add("kind", "status"));
            transcript.write("hypothesis", Json.createObjectBuilder().add("text", "a leak (E1)")
                    .add("cites", Json.createArrayBuilder().add("E1")));

            List<Happening> all = transcript.happenings().all();
            assertEquals(List.of("story", "hypothesis"), all.stream().map(Happening::type).toList());
            assertEquals(List.of(3L, 5L), all.stream().map(Happening::seq).toList());
            assertEquals("15:45:00", all.get(0).clock());
            assertEquals("ticket", all.get(0).text("kind"));
            assertEquals(List.of("E1"), all.get(1).texts("cites"));
            assertEquals("", all.get(1).text("missing"));
            assertEquals(List.of("hypothesis"), transcript.happenings().ofType("hypothesis", "note").stream()
                    .map(Happening::type).toList());
        }
    }
}
