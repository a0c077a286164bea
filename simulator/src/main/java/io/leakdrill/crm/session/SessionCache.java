package io.leakdrill.crm.session;

import java.util.Optional;

/** Where logged-in sessions live between requests. */
public interface SessionCache {

    void put(UserSession session);

    Optional<UserSession> get(String sessionId);

    void remove(String sessionId);

    int size();

    /** The implementation's name as the component registry and the deploy log show it. */
    String implementation();
}
