package io.leakdrill.testing;

import io.leakdrill.world.crm.CrmAdminClient;
import io.leakdrill.world.crm.CrmHost;
import io.leakdrill.world.crm.CrmLaunch;
import io.leakdrill.world.database.CrmDatabase;
import io.leakdrill.world.database.DatabaseLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;

/**
 * A real CRM child JVM on its own seeded database, for tests that talk to the CRM directly rather than through a
 * drill; closing it stops both.
 */
public final class CrmUnderTest implements AutoCloseable {

    private static final Duration SEEDING = Duration.ofSeconds(30);

    private final CrmDatabase database;
    private final CrmHost crm;

    private CrmUnderTest(CrmDatabase database, CrmHost crm) {
        this.database = database;
        this.crm = crm;
    }

    /** Seeds a database from {@code seed}, starts a CRM on it as {@code launch} says, and waits for the seeding. */
    public static CrmUnderTest start(long seed, Function<DatabaseLogin, CrmLaunch> launch) throws Exception {
        CrmDatabase database = CrmDatabase.start(seed);
        CrmHost crm = new CrmHost(launch.apply(database.crmLogin()), HttpClient.newHttpClient());
        try {
            crm.start();
            database.awaitSeeded(SEEDING);
        } catch (Exception | Error e) {
            crm.close();
            database.close();
            throw e;
        }
        return new CrmUnderTest(database, crm);
    }

    public CrmAdminClient admin() {
        return crm.admin();
    }

    /** The CRM's own port, or -1 while it is down. */
    public int port() {
        return crm.port();
    }

    public CrmHost crm() {
        return crm;
    }

    public CrmDatabase database() {
        return database;
    }

    /** An address on the CRM's own port, for requests that skip the edge. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + crm.port() + pathAndQuery);
    }

    @Override
    public void close() {
        crm.close();
        database.close();
    }
}
