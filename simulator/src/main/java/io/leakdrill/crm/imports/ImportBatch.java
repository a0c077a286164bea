package io.leakdrill.crm.imports;

import java.util.ArrayList;
import java.util.List;

/** One import file being applied: who sent it, the changes it made and the lines it could not use. */
final class ImportBatch {

    private final String id;
    private final String user;
    private final long startedAtMillis;
    private final List<DealChange> changes = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();

    ImportBatch(String id, String user, long startedAtMillis) {
        this.id = id;
        this.user = user;
        this.startedAtMillis = startedAtMillis;
    }

    String id() {
        return id;
    }

    String user() {
        return user;
    }

    long startedAtMillis() {
        return startedAtMillis;
    }

    void changed(DealChange change) {
        changes.add(change);
    }

    void reject(String reason) {
        rejected.add(reason);
    }

    int changes() {
        return changes.size();
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }
}
