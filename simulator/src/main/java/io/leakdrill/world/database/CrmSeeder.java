package io.leakdrill.world.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Loads a {@link CrmDataSet} into the CRM's tables with batched inserts, each table's indexes built after its rows.
 * Three parts that can run side by side: what a log-in reads, the contacts the customer page adds, and the history.
 */
final class CrmSeeder {

    private static final int BATCH = 500;

    /** Fills one row's parameters. */
    private interface Binder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    private CrmSeeder() {
    }

    /** Reps, customers and deals: what a log-in reads. */
    static void loadLogins(Connection db, CrmDataSet data) throws SQLException {
        load(db, "INSERT INTO CRM.SALES_REPS VALUES (?, ?, ?, ?)", data.reps(), (s, r) -> {
            s.setString(1, r.id());
            s.setString(2, r.name());
            s.setString(3, r.email());
            s.setString(4, r.region());
        });
        load(db, "INSERT INTO CRM.CUSTOMERS VALUES (?, ?, ?, ?, ?)", data.customers(), (s, c) -> {
            s.setLong(1, c.id());
            s.setString(2, c.name());
            s.setString(3, c.industry());
            s.setString(4, c.city());
            s.setString(5, c.ownerId());
        });
        load(db, "INSERT INTO CRM.DEALS VALUES (?, ?, ?, ?, ?, ?, ?)", data.deals(), (s, d) -> {
            s.setLong(1, d.id());
            s.setLong(2, d.customerId());
            s.setString(3, d.ownerId());
            s.setString(4, d.title());
            s.setString(5, d.stage());
            s.setLong(6, d.amountCents());
            s.setObject(7, d.closeDate());
        });
        try (Statement s = db.createStatement()) {
            // Seeded deals carry their ids; new ones continue after them.
            s.execute("ALTER TABLE CRM.DEALS ALTER COLUMN ID RESTART WITH " + (data.deals().size() + 1));
            s.execute(CrmSchema.DEALS_BY_OWNER);
            s.execute(CrmSchema.CUSTOMERS_BY_CITY);
        }
    }

    static void loadContacts(Connection db, CrmDataSet data) throws SQLException {
        load(db, "INSERT INTO CRM.CONTACTS VALUES (?, ?, ?, ?, ?)", data.contacts(), (s, c) -> {
            s.setLong(1, c.id());
            s.setLong(2, c.customerId());
            s.setString(3, c.name());
            s.setString(4, c.email());
            s.setString(5, c.phone());
        });
        try (Statement s = db.createStatement()) {
            s.execute(CrmSchema.CONTACTS_BY_CUSTOMER);
        }
    }

    /** The activity history: only reports read it. */
    static void loadHistory(Connection db, CrmDataSet data) throws SQLException {
        load(db, "INSERT INTO CRM.ACTIVITIES VALUES (?, ?, ?, ?, ?, ?, ?)", data.activities(), (s, a) -> {
            s.setLong(1, a.id());
            s.setLong(2, a.dealId());
            s.setString(3, a.ownerId());
            s.setString(4, a.kind());
            s.setObject(5, a.occurredAt());
            s.setInt(6, a.minutes());
            s.setString(7, a.notes());
        });
        try (Statement s = db.createStatement()) {
            s.execute(CrmSchema.ACTIVITIES_BY_DEAL);
            s.execute(CrmSchema.CUSTOMERS_BY_OWNER);
        }
    }

    private static <T> void load(Connection db, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(insert, row);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            db.commit();
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }
}
