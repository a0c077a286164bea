package io.leakdrill.crm;

import io.leakdrill.crm.data.DatabaseCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Ends the CRM when the drill that started it is gone, even after a SIGKILL: the drill holds our stdin open, so EOF
 * on it means the parent died; polling the parent's process handle covers an inherited or closed stdin. Before that,
 * the pipe brings the database's credentials: the drill starts us while its database is still starting.
 */
final class ParentWatchdog {

    private static final boolean RECORDING = java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().anyMatch(flag -> flag.startsWith("-XX:ArchiveClassesAtExit"));

    private ParentWatchdog() {
    }

    /**
     * Watches the parent; the returned credentials arrive as {@code name=value} lines up to a blank line, the only
     * thing the drill ever writes to the pipe.
     */
    static CompletableFuture<DatabaseCredentials> start(InputStream parentPipe, long parentPid, CrmLog log) {
        CompletableFuture<DatabaseCredentials> credentials = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            BufferedReader pipe = new BufferedReader(new InputStreamReader(parentPipe, StandardCharsets.UTF_8));
            try {
                Map<String, String> values = new HashMap<>();
                for (String line = pipe.readLine(); line != null && !line.isEmpty(); line = pipe.readLine()) {
                    int equals = line.indexOf('=');
                    values.put(equals < 0 ? line : line.substring(0, equals),
                            equals < 0 ? "" : line.substring(equals + 1));
                }
                credentials.complete(DatabaseCredentials.of(values));
                while (pipe.read() >= 0) {
                    // Nothing more comes; EOF is the signal.
                }
            } catch (IOException | RuntimeException e) {
                // A broken pipe means the same thing as EOF.
                credentials.completeExceptionally(e);
            }
            stop(log, "parent closed our stdin");
        }, "parent-watchdog");
        reader.setDaemon(true);
        reader.start();

        if (parentPid > 0) {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            Thread poller = new Thread(() -> {
                while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                stop(log, "parent process " + parentPid + " is gone");
            }, "parent-poller");
            poller.setDaemon(true);
            poller.start();
        }
        return credentials;
    }

    private static void stop(CrmLog log, String why) {
        log.warn("shutting down: " + why);
        // A halt ends the CRM whatever state it is in. Only a CRM recording its class data archive exits normally,
        // since the JVM writes the archive on a normal exit.
        if (RECORDING) {
            System.exit(0);
        }
        Runtime.getRuntime().halt(0);
    }
}
