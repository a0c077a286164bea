package io.leakdrill.world.database;

import io.leakdrill.world.Fault;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Analysts' BI dashboards refreshing a quarter-end forecast, each on its own connection, over and over: every open
 * deal closing within a month is matched against all of its rep's activity in the 90 days before it closes. No
 * index serves that join, so the server walks millions of row pairs per run, then aggregates them by industry,
 * city and stage. The database really does that work, and its statistics time it.
 */
final class SlowReportQuery implements Fault {

    // CURRENT_TIMESTAMP makes every run a fresh result, as a dashboard's "refreshed at" does; without it H2 would
    // hand back its cached result whenever the tables had not changed.
    static final String SQL = "SELECT C.INDUSTRY, C.CITY, D.STAGE, COUNT(DISTINCT D.ID) AS DEALS,"
            + " SUM(D.AMOUNT_CENTS) AS PIPELINE_CENTS, COUNT(A.ID) AS TOUCHES, SUM(A.MINUTES) AS MINUTES,"
            + " CURRENT_TIMESTAMP AS REFRESHED_AT"
            + " FROM CRM.DEALS D JOIN CRM.CUSTOMERS C ON C.ID = D.CUSTOMER_ID"
            + " JOIN CRM.ACTIVITIES A ON A.OWNER_ID = D.OWNER_ID"
            + " AND A.OCCURRED_AT BETWEEN DATEADD(DAY, -90, D.CLOSE_DATE) AND D.CLOSE_DATE"
            + " WHERE D.CLOSE_DATE BETWEEN DATE '2021-08-12' AND DATE '2021-09-12'"
            + " AND D.STAGE NOT IN ('won', 'lost')"
            + " GROUP BY C.INDUSTRY, C.CITY, D.STAGE ORDER BY PIPELINE_CENTS DESC";

    private final CrmDatabase database;
    private final int analysts;
    private final Duration pause;
    private final List<Thread> dashboards = new ArrayList<>();
    private final List<Statement> running = new CopyOnWriteArrayList<>();
    private volatile boolean active;

    SlowReportQuery(CrmDatabase database, int analysts, Duration pause) {
        if (analysts < 1 || pause.isNegative()) {
            throw new IllegalArgumentException("need at least one analyst and a pause that is not negative");
        }
        this.database = database;
        this.analysts = analysts;
        this.pause = pause;
    }

    @Override
    public synchronized void begin() {
        if (!dashboards.isEmpty()) {
            return;
        }
        active = true;
        for (int i = 1; i <= analysts; i++) {
            Thread dashboard = new Thread(this::refreshUntilEnded, "db-fault-bi-report-" + i);
            dashboard.setDaemon(true);
            dashboards.add(dashboard);
            dashboard.start();
        }
    }

    private void refreshUntilEnded() {
        try {
            database.awaitSeeded(Duration.ofSeconds(60));
        } catch (IOException e) {
            return;
        }
        try (Connection bi = database.connect(CrmDatabase.ANALYST_USER);
                PreparedStatement report = bi.prepareStatement(SQL)) {
            running.add(report);
            try {
                while (active) {
                    try (ResultSet rows = report.executeQuery()) {
                        while (rows.next()) {
                            // A dashboard reads the whole result to draw its charts.
                        }
                    }
                    LockSupport.parkNanos(pause.toNanos());
                }
            } finally {
                running.remove(report);
            }
        } catch (SQLException e) {
            // Cancelled or disconnected by end() or by the database closing: the analyst goes home.
        }
    }

    /** Stops the dashboards, cancelling a report mid-run, and waits until their connections are closed. */
    @Override
    public void end() {
        List<Thread> stopping;
        synchronized (this) {
            active = false;
            stopping = List.copyOf(dashboards);
        }
        for (Statement statement : running) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement finished or its connection is gone; either way it no longer runs.
            }
        }
        for (Thread dashboard : stopping) {
            LockSupport.unpark(dashboard);
            try {
                dashboard.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
