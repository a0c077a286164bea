package io.leakdrill.crm.session;

/** A logged-in session: its id, its user's context, and when it was last used (CRM wall-clock millis). */
public final class UserSession {

    private final String id;
    private final UserContext context;
    private final long createdAtMillis;
    private volatile long lastUsedMillis;

    public UserSession(String id, UserContext context, long nowMillis) {
        this.id = id;
        this.context = context;
        this.createdAtMillis = nowMillis;
        this.lastUsedMillis = nowMillis;
    }

    public String id() {
        return id;
    }

    public UserContext context() {
        return context;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public long lastUsedMillis() {
        return lastUsedMillis;
    }

    public void touch(long nowMillis) {
        lastUsedMillis = nowMillis;
    }
}
