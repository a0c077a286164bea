package io.leakdrill.world.database;

import io.leakdrill.world.Fault;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A territory-reassignment job that updated a block of deals and never committed: its open transaction keeps those
 * rows locked, so the CRM's updates to them wait for the lock and time out. Ending the fault rolls it back.
 */
final class LongTransaction implements Fault {

    private final CrmDatabase database;
    private final long firstDealId;
    private final int dealCount;
    private Connection job;
    private int locked;

    LongTransaction(CrmDatabase database, long firstDealId, int dealCount) {
        if (firstDealId < 1 || dealCount < 1) {
            throw new IllegalArgumentException("need a first deal id and a count of at least 1");
        }
        this.database = database;
        this.firstDealId = firstDealId;
        this.dealCount = dealCount;
    }

    @Override
    public synchronized void begin() {
        if (job != null) {
            return;
        }
        try {
            database.awaitLogins(Duration.ofSeconds(60));
            job = database.connect(CrmDatabase.JOB_USER);
            job.setAutoCommit(false);
            try (PreparedStatement touch = job.prepareStatement(
                    "UPDATE CRM.DEALS SET OWNER_ID = OWNER_ID WHERE ID BETWEEN ? AND ?")) {
                touch.setLong(1, firstDealId);
                touch.setLong(2, firstDealId + dealCount - 1);
                locked = touch.executeUpdate();
            }
        } catch (SQLException | IOException e) {
            end();
            throw new IllegalStateException("the long transaction could not start: " + e.getMessage(), e);
        }
    }

    /** How many deal rows the open transaction holds. */
    synchronized int lockedRows() {
        return locked;
    }

    @Override
    public synchronized void end() {
        if (job == null) {
            return;
        }
        try {
            job.rollback();
        } catch (SQLException ignored) {
            // Closing the connection below rolls back too.
        }
        try {
            job.close();
        } catch (SQLException ignored) {
            // The server may already be gone; its transaction went with it.
        }
        job = null;
        locked = 0;
    }
}
