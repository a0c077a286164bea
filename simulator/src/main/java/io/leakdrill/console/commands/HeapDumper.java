package io.leakdrill.console.commands;

import io.leakdrill.console.Command.Result;
import io.leakdrill.console.DrillSession;
import io.leakdrill.world.crm.CrmHost;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code heap dump}: has the CRM write a live-object .hprof into the drill's folder, for Eclipse MAT or VisualVM. */
final class HeapDumper {

    // A dump of a full 64 MB heap takes a second or two; a thrashing JVM may need far longer to reach a safepoint.
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);

    /** Takes a dump, recorded as evidence; an error result when the CRM is down or the dump failed. */
    Result dump(DrillSession session) throws Exception {
        var crm = session.drill().crm();
        if (crm.port() < 0) {
            return Result.error("the CRM is down; there is no heap to dump");
        }
        Path folder = session.drill().options().folder();
        String name = NumberedFile.next(folder, "heap", session.clock(), "hprof");
        JsonObject answer = withProgress(session, folder.resolve(name), crm);
        String file = answer.getString("file");
        long bytes = answer.getJsonNumber("bytes").longValue();
        long pauseMs = answer.getJsonNumber("pauseMicros").longValue() / 1000;
        // Recorded with its pause: a dump stops every request, which grading may weigh against its use.
        session.evidence(Json.createObjectBuilder().add("kind", "heap-dump").add("file", file)
                .add("bytes", bytes).add("pauseMs", pauseMs));
        return Result.ok(String.format(Locale.ROOT,
                "Heap dump of CRM pid %d written to %s%n%.1f MB; the CRM stood still for %d ms (full GC plus the "
                        + "dump).%nOpen it in Eclipse MAT or VisualVM (File > Load) to see what holds the memory.",
                crm.process().pid(), file, bytes / 1_048_576.0, pauseMs));
    }

    // The dump runs on its own while this thread shows how much of the file the CRM has written; Ctrl-C (an
    // interrupt) stops the wait, though the CRM, like `jcmd GC.heap_dump`, finishes the file it started.
    private static JsonObject withProgress(DrillSession session, Path file, CrmHost crm) throws Exception {
        CompletableFuture<JsonObject> dump = CompletableFuture.supplyAsync(() -> {
            try {
                return crm.admin().heapDump(file.getFileName().toString(), TIMEOUT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        long started = System.nanoTime();
        try {
            while (true) {
                try {
                    return dump.get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long written = Files.exists(file) ? Files.size(file) : 0;
                    session.progress().show(String.format(Locale.ROOT, "heap dump: %.1f MB written in %.1f s"
                            + " (Ctrl-C stops waiting)", written / 1_048_576.0, (System.nanoTime() - started) / 1e9));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                            : e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            session.progress().show("");
        }
    }
}
