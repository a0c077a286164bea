package io.leakdrill.crm;

import io.leakdrill.crm.data.DatabaseCredentials;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Ends the CRM when the drill that started it is gone, even after a SIGKILL: the drill holds our stdin open, so EOF
 * on it means the parent died; polling the parent's process handle covers an inherited or closed stdin.
 */
final class ParentWatchdog {

    private static final boolean RECORDING = java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().anyMatch(flag -> flag.startsWith("-XX:ArchiveClassesAtExit"));

    private ParentWatchdog() {
    }

    /** Watches the parent; the database's login is the pipe's next block. */
    static CompletableFuture<DatabaseCredentials> start(ParentPipe pipe, long parentPid, CrmLog log) {
        CompletableFuture<DatabaseCredentials> credentials = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                credentials.complete(DatabaseCredentials.of(pipe.readBlock()));
                pipe.awaitEnd();
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
