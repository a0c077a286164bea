package io.leakdrill.crm.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the CRM reads and writes its records: SQL against its database, through the connection pool. */
public final class CrmRepository {

    private static final String DEAL_COLUMNS = "ID, CUSTOMER_ID, OWNER_ID, TITLE, STAGE, AMOUNT_CENTS, CLOSE_DATE";
    private static final String CUSTOMER_COLUMNS = "ID, NAME, INDUSTRY, CITY, OWNER_ID";
    private static final int ALL_DEALS_AT_ONCE = 20_000;

    private final DatabasePool db;
    private final CanonicalValues canonical = new CanonicalValues();

    public CrmRepository(DatabasePool db) {
        this.db = db;
    }

    public List<Customer> searchCustomers(String text, int limit) {
        return db.run("search customers", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + CUSTOMER_COLUMNS
                    + " FROM CUSTOMERS WHERE LOWER(NAME) LIKE ? ESCAPE '\\' ORDER BY ID LIMIT ?")) {
                s.setString(1, "%" + escapeLike(text.toLowerCase(java.util.Locale.ROOT)) + "%");
                s.setInt(2, limit);
                return customers(s);
            }
        });
    }

    public Optional<Customer> customer(long id) {
        return db.run("customer by id", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + CUSTOMER_COLUMNS
                    + " FROM CUSTOMERS WHERE ID = ?")) {
                s.setLong(1, id);
                return customers(s).stream().findFirst();
            }
        });
    }

    public List<Contact> contactsOf(long customerId) {
        return db.run("contacts of customer", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ID, CUSTOMER_ID, NAME, EMAIL, PHONE"
                    + " FROM CONTACTS WHERE CUSTOMER_ID = ? ORDER BY ID")) {
                s.setLong(1, customerId);
                List<Contact> contacts = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        contacts.add(new Contact(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                                r.getString(5)));
                    }
                }
                return contacts;
            }
        });
    }

    public List<Deal> dealsOf(long customerId) {
        return db.run("deals of customer", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + DEAL_COLUMNS
                    + " FROM DEALS WHERE CUSTOMER_ID = ? ORDER BY ID")) {
                s.setLong(1, customerId);
                return deals(s);
            }
        });
    }

    /** A rep's pipeline with each deal's customer name, in deal order: what a log-in copies into the session. */
    public List<PipelineLine> pipelineOf(String ownerId) {
        return db.run("pipeline of rep", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT D.ID, D.CUSTOMER_ID, D.OWNER_ID, D.TITLE, D.STAGE,"
                    + " D.AMOUNT_CENTS, D.CLOSE_DATE, C.NAME FROM DEALS D JOIN CUSTOMERS C ON C.ID = D.CUSTOMER_ID"
                    + " WHERE D.OWNER_ID = ? ORDER BY D.ID")) {
                s.setString(1, ownerId);
                return canonicalLines(s, 1000);
            }
        });
    }

    /** One deal with its customer's name, or empty if there is no such deal. */
    public Optional<PipelineLine> dealLine(long dealId) {
        return db.run("deal by id", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT D.ID, D.CUSTOMER_ID, D.OWNER_ID, D.TITLE, D.STAGE,"
                    + " D.AMOUNT_CENTS, D.CLOSE_DATE, C.NAME FROM DEALS D JOIN CUSTOMERS C ON C.ID = D.CUSTOMER_ID"
                    + " WHERE D.ID = ?")) {
                s.setLong(1, dealId);
                return lines(s).stream().findFirst();
            }
        });
    }

    /**
     * Every rep's pipeline at once, by rep in id order: a snapshot for replaying historic log-ins, read on a
     * connection of its own so that it need not wait for the pool to open.
     */
    public Map<String, List<PipelineLine>> pipelines() {
        return db.runAside("pipelines of all reps", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT D.ID, D.CUSTOMER_ID, D.OWNER_ID, D.TITLE, D.STAGE,"
                    + " D.AMOUNT_CENTS, D.CLOSE_DATE, C.NAME FROM DEALS D JOIN CUSTOMERS C ON C.ID = D.CUSTOMER_ID"
                    + " ORDER BY D.OWNER_ID, D.ID")) {
                Map<String, List<PipelineLine>> byRep = new LinkedHashMap<>();
                // Every deal in one round trip rather than H2's 100 rows at a time: the drill's start waits for it.
                for (PipelineLine line : canonicalLines(s, ALL_DEALS_AT_ONCE)) {
                    byRep.computeIfAbsent(line.deal().ownerId(), k -> new ArrayList<>()).add(line);
                }
                return byRep;
            }
        });
    }

    /** Every deal whose customer is in the region (a city, any case; every region when blank), by deal id. */
    public List<PipelineLine> pipelineReport(String region) {
        String select = "SELECT D.ID, D.CUSTOMER_ID, D.OWNER_ID, D.TITLE, D.STAGE, D.AMOUNT_CENTS, D.CLOSE_DATE,"
                + " C.NAME FROM DEALS D JOIN CUSTOMERS C ON C.ID = D.CUSTOMER_ID";
        return db.run("pipeline report", c -> {
            if (region.isBlank()) {
                try (PreparedStatement s = c.prepareStatement(select + " ORDER BY D.ID")) {
                    return lines(s);
                }
            }
            try (PreparedStatement s = c.prepareStatement(select + " WHERE C.CITY = ? ORDER BY D.ID")) {
                s.setString(1, region);
                return lines(s);
            }
        });
    }

    public Deal createDeal(long customerId, String ownerId, String title, long amountCents) {
        LocalDate closeDate = LocalDate.of(2021, 12, 31);
        return db.run("create deal", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO DEALS (CUSTOMER_ID, OWNER_ID, TITLE, STAGE,"
                    + " AMOUNT_CENTS, CLOSE_DATE) VALUES (?, ?, ?, 'prospect', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, customerId);
                s.setString(2, ownerId);
                s.setString(3, title);
                s.setLong(4, amountCents);
                s.setObject(5, closeDate);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new Deal(keys.getLong(1), customerId, ownerId, title, "prospect", amountCents, closeDate);
                }
            }
        });
    }

    /** Changes a deal's stage and amount; waits for the row if another transaction holds it. */
    public Optional<Deal> updateDeal(long id, String stage, long amountCents) {
        return db.run("update deal", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + DEAL_COLUMNS
                    + " FROM FINAL TABLE (UPDATE DEALS SET STAGE = ?, AMOUNT_CENTS = ? WHERE ID = ?)")) {
                s.setString(1, stage);
                s.setLong(2, amountCents);
                s.setLong(3, id);
                return deals(s).stream().findFirst();
            }
        });
    }

    /**
     * Writes a batch of deal changes in one transaction and returns each changed deal as it was before, by id. Deals
     * that do not exist are left out. Rows are locked in id order, so two imports never deadlock on each other.
     */
    public Map<Long, Deal> updateDeals(List<DealUpdate> updates) {
        if (updates.isEmpty()) {
            return Map.of();
        }
        // Stable sort: lines for the same deal keep their order in the file.
        List<DealUpdate> ordered = new ArrayList<>(updates);
        ordered.sort(java.util.Comparator.comparingLong(DealUpdate::dealId));
        return db.run("bulk update deals", c -> {
            c.setAutoCommit(false);
            try {
                Map<Long, Deal> before = new LinkedHashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT " + DEAL_COLUMNS
                        + " FROM DEALS WHERE ID = ANY(?) ORDER BY ID FOR UPDATE")) {
                    s.setObject(1, ordered.stream().map(DealUpdate::dealId).toArray(Long[]::new));
                    for (Deal d : deals(s)) {
                        before.put(d.id(), d);
                    }
                }
                // A deal listed twice in one file takes its last line, as pasting the rows one by one would.
                Map<Long, DealUpdate> last = new LinkedHashMap<>();
                ordered.stream().filter(u -> before.containsKey(u.dealId())).forEach(u -> last.put(u.dealId(), u));
                List<DealUpdate> found = List.copyOf(last.values());
                if (!found.isEmpty()) {
                    // One statement for the whole file: a round trip per row would make a big import crawl.
                    StringBuilder sql = new StringBuilder("MERGE INTO DEALS D USING (VALUES ");
                    for (int i = 0; i < found.size(); i++) {
                        sql.append(i == 0 ? "" : ", ").append("(CAST(? AS BIGINT), CAST(? AS VARCHAR(16)),"
                                + " CAST(? AS BIGINT), CAST(? AS DATE))");
                    }
                    sql.append(") S(ID, STAGE, AMOUNT_CENTS, CLOSE_DATE) ON D.ID = S.ID WHEN MATCHED THEN UPDATE"
                            + " SET STAGE = S.STAGE, AMOUNT_CENTS = S.AMOUNT_CENTS, CLOSE_DATE = S.CLOSE_DATE");
                    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                        int p = 1;
                        for (DealUpdate u : found) {
                            s.setLong(p++, u.dealId());
                            s.setString(p++, u.stage());
                            s.setLong(p++, u.amountCents());
                            s.setObject(p++, u.closeDate());
                        }
                        s.executeUpdate();
                    }
                }
                c.commit();
                return before;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Waits for the connection pool to finish opening, so that heap measurements see all of it. */
    public void awaitConnections(java.time.Duration timeout) {
        db.awaitFull(timeout);
    }

    /** The {@code deals-index} change: index deals by customer for the customer page and the region report. */
    public void indexDealsByCustomer() {
        db.run("create index on deals by customer", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX IF NOT EXISTS DEALS_CUSTOMER_IDX ON DEALS(CUSTOMER_ID)");
            }
            return null;
        });
    }

    /** Whether a deal exists: attachments may only be filed on one. */
    public boolean dealExists(long id) {
        return db.run("deal exists", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM DEALS WHERE ID = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Every sales rep's id, in id order. */
    public List<String> salesReps() {
        return db.run("sales reps", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ID FROM SALES_REPS ORDER BY ID")) {
                List<String> reps = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reps.add(r.getString(1));
                    }
                }
                return reps;
            }
        });
    }

    public boolean isSalesRep(String userId) {
        return db.run("sales rep by id", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM SALES_REPS WHERE ID = ?")) {
                s.setString(1, userId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    private static List<Customer> customers(PreparedStatement s) throws SQLException {
        List<Customer> customers = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                customers.add(new Customer(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5)));
            }
        }
        return customers;
    }

    private static List<Deal> deals(PreparedStatement s) throws SQLException {
        List<Deal> deals = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                deals.add(deal(r));
            }
        }
        return deals;
    }

    // Read the whole result in one round trip: a rep's pipeline is a few hundred rows.
    private static List<PipelineLine> lines(PreparedStatement s) throws SQLException {
        return lines(s, 1000);
    }

    private static List<PipelineLine> lines(PreparedStatement s, int fetchSize) throws SQLException {
        s.setFetchSize(fetchSize);
        List<PipelineLine> lines = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                lines.add(new PipelineLine(deal(r), r.getString(8)));
            }
        }
        return lines;
    }

    private List<PipelineLine> canonicalLines(PreparedStatement s, int fetchSize) throws SQLException {
        List<PipelineLine> lines = lines(s, fetchSize);
        for (int i = 0; i < lines.size(); i++) {
            Deal d = lines.get(i).deal();
            lines.set(i, new PipelineLine(new Deal(d.id(), d.customerId(), canonical.of(d.ownerId()),
                    canonical.of(d.title()), canonical.of(d.stage()), d.amountCents(), canonical.of(d.closeDate())),
                    canonical.of(lines.get(i).customerName())));
        }
        return lines;
    }

    private static Deal deal(ResultSet r) throws SQLException {
        return new Deal(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getLong(6),
                r.getObject(7, LocalDate.class));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
