package io.leakdrill.console.commands;

import io.leakdrill.console.Command.Result;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.world.crm.RetentionPaths;
import io.leakdrill.world.crm.RetentionPaths.RetentionPath;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * `heap roots CLASS`: what keeps instances of a class alive, from a flight recording's old-object samples and their
 * paths to GC roots. The first use starts the recording; objects allocated after that can be traced.
 */
final class HeapRoots {

    private static final int MAX_PATHS = 5;

    private HeapRoots() {
    }

    static Result run(List<String> args, DrillSession session) throws Exception {
        if (args.size() != 1) {
            throw new UsageException("heap roots needs a class name (or part of one), e.g. `heap roots DealSummary`");
        }
        String needle = args.get(0);
        var crm = session.drill().crm();
        if (crm.port() < 0) {
            return Result.error("the CRM is down; nothing to trace");
        }
        Path folder = session.drill().options().folder();
        JsonObject answer = crm.admin().roots(NumberedFile.next(folder, "roots", session.clock(), "jfr"),
                Duration.ofSeconds(60));
        Instant started = Instant.parse(answer.getString("started"));
        if (!answer.containsKey("file")) {
            session.evidence(Json.createObjectBuilder().add("kind", "roots-recording"));
            return Result.ok("Started a flight recording of old-object samples in CRM pid " + crm.process().pid()
                    + " (as `jcmd " + crm.process().pid() + " JFR.start`). Objects allocated from now on can be"
                    + " traced to their GC roots: let the leak run a few minutes, then ask again.");
        }
        long pauseMs = answer.getJsonNumber("tookMicros").longValue() / 1000;
        Path recording = Path.of(answer.getString("file"));
        // Read here, not in the CRM: the parse would take heap from the server that is short of it.
        List<RetentionPath> paths = RetentionPaths.read(recording, needle, MAX_PATHS);
        session.evidence(Json.createObjectBuilder().add("kind", "roots").add("class", needle)
                .add("paths", paths.size()).add("pauseMs", pauseMs).add("file", recording.toString())
                .add("chain", paths.isEmpty() ? "" : String.join(" <- ", paths.get(0).chain())));
        long minutes = (long) (Duration.between(started, Instant.now()).toSeconds() * session.drill().clock()
                .speed() / 60);
        String dumped = String.format(Locale.ROOT, "The recording (%.1f MB) is in %s: JDK Mission Control's"
                + " Memory Leak page or `jfr print --events OldObjectSample` read it too.",
                answer.getJsonNumber("bytes").longValue() / 1_048_576.0, recording);
        if (paths.isEmpty()) {
            return Result.ok("No surviving sample matches '" + needle + "' after about " + minutes
                    + " incident minutes of recording (dump and root walk took " + pauseMs + " ms). Samples are"
                    + " taken from new allocations: give it longer, or try another class from `heap diff`.\n"
                    + dumped);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Paths to GC roots for '%s' (old-object samples over ~%d incident min; dump and root walk paused the"
                        + " CRM %d ms):%n", needle, minutes, pauseMs));
        for (RetentionPath path : paths) {
            text.append(String.format(Locale.ROOT, "%n%d sample(s): %s%n", path.samples(), path.type()));
            for (String step : path.chain()) {
                text.append("  <- ").append(step).append('\n');
            }
            text.append("  root: ").append(path.root()).append('\n');
        }
        return Result.ok(text.append('\n').append(dumped).toString());
    }
}
