package io.leakdrill.crm;

import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.DatabaseCredentials;
import io.leakdrill.crm.data.DatabasePool;
import io.leakdrill.crm.http.AdminHandler;
import io.leakdrill.crm.http.ApiHandler;
import io.leakdrill.crm.telemetry.DatabaseStats;
import io.leakdrill.crm.telemetry.GcWatcher;
import io.leakdrill.crm.telemetry.MetricsReport;
import io.leakdrill.crm.telemetry.MonitorCost;
import io.leakdrill.crm.telemetry.RequestStats;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** The mock CRM: its data, its components and its HTTP API on a loopback port. */
public final class CrmServer {

    private static final int WORKERS = 16;

    private final HttpServer http;
    private final ThreadPoolExecutor workers;

    public CrmServer(CrmSettings settings, CompletableFuture<DatabaseCredentials> database, CrmLog log)
            throws IOException {
        LongSupplier clock = System::currentTimeMillis;
        // Every request runs on one of these threads, and they live as long as the process: what a worker's
        // thread-locals hold stays until something removes it.
        AtomicInteger ids = new AtomicInteger();
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "http-worker-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        DatabaseStats databaseStats = new DatabaseStats();
        CrmRepository repository = new CrmRepository(new DatabasePool(database, log, databaseStats));
        CrmParts parts = CrmParts.assemble(settings, repository, log, clock);
        RequestStats stats = new RequestStats();
        // The heap floor is the lowest old-generation reading over the last five incident minutes.
        GcWatcher gc = new GcWatcher((long) (5 * 60_000 / settings.clockSpeed()));

        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        http.createContext("/api/", new ApiHandler(parts, stats, log, clock, settings.crashOnOutOfMemory()));
        MonitorCost monitorCost = new MonitorCost();
        http.createContext("/admin/", new AdminHandler(settings.adminToken(),
                new MetricsReport(gc, stats, databaseStats, monitorCost), monitorCost, gc,
                new ComponentRegistry(parts, workers), settings.seed(), log));
        http.setExecutor(workers);
    }

    public int start() {
        http.start();
        return http.getAddress().getPort();
    }
}
