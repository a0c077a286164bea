package io.leakdrill.crm.imports;

import java.util.List;

/** The stages a deal can be in, one shared string each. */
final class DealStages {

    static final List<String> ALL = List.of("prospect", "qualified", "proposal", "negotiation", "won", "lost");

    private DealStages() {
    }

    /** The stage named, as its shared constant, or null when there is no such stage. */
    static String of(String name) {
        for (String stage : ALL) {
            if (stage.equalsIgnoreCase(name.strip())) {
                return stage;
            }
        }
        return null;
    }
}
