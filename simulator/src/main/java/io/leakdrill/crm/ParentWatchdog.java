package io.leakdrill.crm;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Ends the CRM when the drill that started it is gone, even after a SIGKILL: the drill holds our stdin open, so EOF
 * on it means the parent died; polling the parent's process handle covers an inherited or closed stdin.
 */
final class ParentWatchdog {

    private static final boolean RECORDING = java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().anyMatch(flag -> flag.startsWith("-XX:ArchiveClassesAtExit"));

    private ParentWatchdog() {
    }

    static void start(InputStream parentPipe, long parentPid, CrmLog log) {
        Thread reader = new Thread(() -> {
            try {
                while (parentPipe.read() >= 0) {
                    // The drill never writes; any byte is ignored, EOF is the signal.
                }
            } catch (IOException e) {
                // A broken pipe means the same thing as EOF.
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
