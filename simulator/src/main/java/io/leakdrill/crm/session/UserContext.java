package io.leakdrill.crm.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-user state built at log-in: profile, permissions, pipeline dashboard and recent searches. */
public final class UserContext {

    private static final int RECENT_SEARCHES = 8;

    private final String userId;
    private final String displayName;
    private final Set<String> permissions;
    private final Map<String, String> preferences;
    private final List<DealSummary> pipeline;
    private final List<SavedSearch> recentSearches = new ArrayList<>();

    public UserContext(String userId, String displayName, Set<String> permissions, Map<String, String> preferences,
            List<DealSummary> pipeline) {
        this.userId = userId;
        this.displayName = displayName;
        this.permissions = permissions;
        this.preferences = preferences;
        this.pipeline = pipeline;
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public Map<String, String> preferences() {
        return preferences;
    }

    public List<DealSummary> pipeline() {
        return pipeline;
    }

    public synchronized void rememberSearch(SavedSearch search) {
        recentSearches.add(search);
        if (recentSearches.size() > RECENT_SEARCHES) {
            recentSearches.remove(0);
        }
    }

    public synchronized List<SavedSearch> recentSearches() {
        return List.copyOf(recentSearches);
    }
}
