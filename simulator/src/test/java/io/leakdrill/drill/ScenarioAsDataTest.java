package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.scenario.ScenarioCatalog;
import io.leakdrill.testing.LeakdrillRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios are data: the example in the format reference and every shipped scenario run as written, and the same
 * seed and script replay the same variant, story and grade.
 */
class ScenarioAsDataTest {

    private static final Path SCENARIOS = Path.of(System.getProperty("leakdrill.scenarios"));

    @TempDir
    Path dir;

    private static String main(String... args) {
        LeakdrillRun run = LeakdrillRun.of(args);
        assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
        return run.out();
    }

    private Path play(String scenario, String name, String script, String... more) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, script);
        Path transcript = dir.resolve(name + ".jsonl");
        List<String> args = new java.util.ArrayList<>(List.of("play", scenario, "--script", file.toString(),
                "--speed", "240", "--dir", dir.resolve(name).toString(), "--transcript", transcript.toString()));
        args.addAll(List.of(more));
        main(args.toArray(String[]::new));
        return transcript;
    }

    private static List<JsonObject> events(Path transcript, String type) throws Exception {
        return Files.readAllLines(transcript).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .filter(e -> type.equals(e.getString("type", ""))).collect(Collectors.toList());
    }

    @Test
    void theExampleInTheFormatReferenceRunsAsWritten() throws Exception {
        String reference = Files.readString(SCENARIOS.resolve("README.md"));
        Matcher block = Pattern.compile("## A minimal complete scenario\\s+```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(reference);
        assertTrue(block.find(), "the reference has a complete example");
        Path file = dir.resolve("quick-leak.json");
        Files.writeString(file, block.group(1));

        Path transcript = play(file.toString(), "example", "wait 4m\nstatus\nquit\n", "--seed", "3");

        assertEquals("quick-leak", events(transcript, "drill").get(0).getJsonObject("scenario").getString("id"));
        assertEquals(List.of("first-ticket"), events(transcript, "story").stream()
                .map(e -> e.getString("event")).filter("first-ticket"::equals).toList());
        assertTrue(events(transcript, "sample").size() >= 10, "the monitor sampled the running CRM");
    }

    @Test
    void theSameSeedAndScriptReplayTheSameVariantStoryAndGrade() throws Exception {
        String script = "wait 18m\nack\nupdate Heap floor rising on the CRM; investigating, next update in 15 min\n"
                + "quit\n";
        Path first = play("memory-leak-mayhem", "first", script, "--seed", "11");
        Path second = play("memory-leak-mayhem", "second", script, "--seed", "11");

        assertEquals(events(first, "drill").get(0).getString("variant"),
                events(second, "drill").get(0).getString("variant"));
        assertEquals(storyIds(first), storyIds(second));
        assertEquals(decoyChanges(first), decoyChanges(second));
        // Alerts fire from a real JVM measured in real time, so an alert may fire one sample earlier or later and
        // move a time-scored point or two; the level, and the score within a few points, must not move.
        JsonObject one = card(first);
        JsonObject two = card(second);
        assertEquals(one.getString("level"), two.getString("level"));
        assertTrue(Math.abs(one.getInt("total") - two.getInt("total")) <= 5, one.getInt("total") + " vs "
                + two.getInt("total"));
    }

    private static List<String> storyIds(Path transcript) throws Exception {
        return events(transcript, "story").stream().map(e -> e.getString("event")).toList();
    }

    private static List<String> decoyChanges(Path transcript) throws Exception {
        return events(transcript, "decoy").stream().map(e -> e.getString("decoy") + " " + e.getString("state"))
                .toList();
    }

    private static JsonObject card(Path transcript) {
        return Json.createReader(new StringReader(main("grade", transcript.toString(), "--json"))).readObject();
    }
}
