package io.leakdrill.world.crm;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The CRM as operations sees it: one process at a time, started, restarted and patched on request. Generations
 * count the processes, so a crash of one is told apart from a restart.
 */
public final class CrmHost implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private CrmLaunch launch;
    private volatile CrmProcess process;
    private volatile CrmAdminClient admin;
    private volatile int generation;

    public CrmHost(CrmLaunch launch, HttpClient http) {
        this.launch = launch;
        this.http = http;
    }

    public synchronized void start() throws IOException, CrmStartException {
        CrmProcess started = CrmProcess.start(launch, generation + 1, START_TIMEOUT);
        generation++;
        process = started;
        admin = new CrmAdminClient(http, started.port(), launch.adminToken());
    }

    /** Stops the running CRM (if any) and starts a fresh one with the current launch settings. */
    public synchronized void restart() throws IOException, CrmStartException {
        CrmProcess old = process;
        process = null;
        if (old != null) {
            old.stop();
        }
        start();
    }

    /** Remembers a component variant for every later start; the caller deploys it to the running CRM too. */
    public synchronized void remember(String component, String variant) {
        launch = launch.withComponent(component, variant);
    }

    public synchronized void setHeapMb(int heapMb) {
        launch = launch.withHeapMb(heapMb);
    }

    public synchronized void setGc(String gc) {
        launch = launch.withGc(gc);
    }

    /** The settings the next start uses; they differ from the running process's after `config set` or a deploy. */
    public synchronized CrmLaunch launch() {
        return launch;
    }

    public int generation() {
        return generation;
    }

    /** The port users should reach, or -1 while no CRM process is alive. */
    public int port() {
        CrmProcess current = process;
        return current != null && current.isAlive() ? current.port() : -1;
    }

    public CrmProcess process() {
        return process;
    }

    public CrmAdminClient admin() {
        return admin;
    }

    @Override
    public synchronized void close() {
        CrmProcess current = process;
        process = null;
        if (current != null) {
            current.stop();
        }
    }
}
