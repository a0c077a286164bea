package io.leakdrill.world.database;

import io.leakdrill.world.Fault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An analyst's BI tool refreshing a quarter-end forecast on its own connection, over and over: every deal closing
 * within the horizon is matched against all of its rep's activity in the 90 days before it closes, with no index to
 * help, then everything is aggregated by industry, city and stage. The database really does that work.
 */
final class SlowReportQuery implements Fault {

    static final String SQL = "SELECT C.INDUSTRY, C.CITY, D.STAGE, COUNT(*) AS DEALS,"
            + " SUM(D.AMOUNT_CENTS) AS PIPELINE_CENTS,"
            + " SUM((SELECT COUNT(*) FROM CRM.ACTIVITIES A WHERE A.OWNER_ID = D.OWNER_ID"
            + " AND A.OCCURRED_AT BETWEEN DATEADD(DAY, -90, D.CLOSE_DATE) AND D.CLOSE_DATE)) AS TOUCHES"
            + " FROM CRM.DEALS D JOIN CRM.CUSTOMERS C ON C.ID = D.CUSTOMER_ID"
            + " WHERE D.CLOSE_DATE BETWEEN ? AND ? AND D.STAGE NOT IN ('won', 'lost')"
            + " GROUP BY C.INDUSTRY, C.CITY, D.STAGE ORDER BY PIPELINE_CENTS DESC";
    // The day the incident happens; the forecast looks ahead from it.
    private static final LocalDate TODAY = LocalDate.of(2021, 8, 12);

    private final CrmDatabase database;
    private final int horizonDays;
    private final Duration pause;
    private Thread analyst;
    private volatile boolean running;
    private volatile PreparedStatement current;
    private volatile long runs;

    SlowReportQuery(CrmDatabase database, int horizonDays, Duration pause) {
        if (horizonDays < 1 || pause.isNegative()) {
            throw new IllegalArgumentException("horizon must be at least a day and the pause not negative");
        }
        this.database = database;
        this.horizonDays = horizonDays;
        this.pause = pause;
    }

    @Override
    public synchronized void begin() {
        if (analyst != null) {
            return;
        }
        running = true;
        analyst = new Thread(this::work, "db-fault-bi-report");
        analyst.setDaemon(true);
        analyst.start();
    }

    private void work() {
        try (Connection bi = database.connect(CrmDatabase.ANALYST_USER);
                PreparedStatement report = bi.prepareStatement(SQL)) {
            report.setObject(1, TODAY);
            report.setObject(2, TODAY.plusDays(horizonDays));
            current = report;
            while (running) {
                try (ResultSet rows = report.executeQuery()) {
                    while (rows.next()) {
                        // A BI tool reads the whole result to draw its charts.
                    }
                }
                runs++;
                LockSupport.parkNanos(pause.toNanos());
            }
        } catch (SQLException e) {
            // Cancelled or disconnected by end() or by the database closing: the analyst goes home.
        } finally {
            current = null;
        }
    }

    /** How many reports finished so far. */
    long runs() {
        return runs;
    }

    @Override
    public void end() {
        Thread worker;
        synchronized (this) {
            running = false;
            worker = analyst;
        }
        if (worker == null) {
            return;
        }
        PreparedStatement statement = current;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement finished or its connection is gone; either way it no longer runs.
            }
        }
        LockSupport.unpark(worker);
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
