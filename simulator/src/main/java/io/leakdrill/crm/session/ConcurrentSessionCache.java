package io.leakdrill.crm.session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session cache as it shipped: a static concurrent map keyed by session id. Sessions that users simply abandon
 * (closed tab, expired cookie) are never removed, so every log-in stays reachable from this class's static field.
 */
public final class ConcurrentSessionCache implements SessionCache {

    // Static so every request handler shares one cache; this is also the GC root that keeps abandoned sessions.
    private static final Map<String, UserSession> SESSIONS = new ConcurrentHashMap<>();

    @Override
    public void put(UserSession session) {
        SESSIONS.put(session.id(), session);
    }

    @Override
    public Optional<UserSession> get(String sessionId) {
        return Optional.ofNullable(SESSIONS.get(sessionId));
    }

    @Override
    public void remove(String sessionId) {
        SESSIONS.remove(sessionId);
    }

    @Override
    public int size() {
        return SESSIONS.size();
    }

    @Override
    public String implementation() {
        return "concurrent-map (no eviction)";
    }

    /** Hands the live sessions to a replacement and lets go of them, as a redeploy of this class would. */
    Map<String, UserSession> drain() {
        Map<String, UserSession> copy = Map.copyOf(SESSIONS);
        SESSIONS.clear();
        return copy;
    }
}
