package io.leakdrill.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM components a scenario can name, the code versions each ships in, and which of them can leak. The CRM's
 * own code is the other half of this list; a scenario naming anything else is rejected before the drill starts.
 */
public enum CrmComponents {
    SESSION_CACHE("session-cache", "original", "evicting"),
    REPORT_CACHE("report-cache", "original", "expiring"),
    DEALS_REPOSITORY("deals-repository", null, "plain", "indexed");

    private final String id;
    private final String leakyVersion;
    private final String soundVersion;
    private final Set<String> versions;

    CrmComponents(String id, String leakyVersion, String soundVersion, String... others) {
        this.id = id;
        this.leakyVersion = leakyVersion;
        this.soundVersion = soundVersion;
        java.util.Set<String> all = new java.util.TreeSet<>(List.of(others));
        all.add(soundVersion);
        if (leakyVersion != null) {
            all.add(leakyVersion);
        }
        this.versions = Set.copyOf(all);
    }

    public String id() {
        return id;
    }

    public boolean canLeak() {
        return leakyVersion != null;
    }

    /**
     * The version the CRM runs at the start of a drill: the leaky one if this component is the one that leaks. The
     * leaky version is called "original" so that nothing the trainee sees names it as the culprit.
     */
    public String startVersion(boolean leaking) {
        return leaking ? leakyVersion : soundVersion;
    }

    public Set<String> versions() {
        return versions;
    }

    public static Optional<CrmComponents> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(CrmComponents::id).toList());
    }
}
