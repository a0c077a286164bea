package io.leakdrill.crm.session;

import io.leakdrill.crm.IdleLimit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** The fixed session cache: bounded in size (least recently used goes first) and expiring idle sessions. */
public final class EvictingSessionCache implements SessionCache {

    private final int maxSessions;
    private final IdleLimit idle;
    private final LongSupplier clock;
    private final LinkedHashMap<String, UserSession> sessions = new LinkedHashMap<>(256, 0.75f, true);

    public EvictingSessionCache(int maxSessions, IdleLimit idle, LongSupplier clock) {
        this.maxSessions = maxSessions;
        this.idle = idle;
        this.clock = clock;
    }

    @Override
    public synchronized void put(UserSession session) {
        sessions.put(session.id(), session);
        evict();
    }

    @Override
    public synchronized Optional<UserSession> get(String sessionId) {
        evict();
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public synchronized void remove(String sessionId) {
        sessions.remove(sessionId);
    }

    @Override
    public synchronized int size() {
        return sessions.size();
    }

    @Override
    public String implementation() {
        return "evicting LRU (max " + maxSessions + ", idle " + idle + ")";
    }

    synchronized void adopt(Map<String, UserSession> existing) {
        existing.values().stream()
                .sorted((a, b) -> Long.compare(a.lastUsedMillis(), b.lastUsedMillis()))
                .forEach(s -> sessions.put(s.id(), s));
        evict();
    }

    // Access order puts the least recently used first, so both limits only ever trim from the head.
    private void evict() {
        long oldestAllowed = clock.getAsLong() - idle.realMillis();
        Iterator<UserSession> it = sessions.values().iterator();
        while (it.hasNext()) {
            UserSession eldest = it.next();
            if (sessions.size() > maxSessions || eldest.lastUsedMillis() < oldestAllowed) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
