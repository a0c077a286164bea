package io.leakdrill.console.commands;

import io.leakdrill.console.UsageException;
import java.util.Arrays;
import java.util.List;

/** The teams an incident owner can page or escalate to: the people the scenarios' stories come from. */
enum Team {
    CRM_DEV("crm-dev", "the CRM developers' on-call"),
    DATABASE("database", "the database on-call"),
    NETWORK("network", "the network on-call"),
    PLATFORM("platform", "the platform on-call"),
    MESSAGING("messaging", "the messaging (mail relay) on-call"),
    SUPPORT_LEAD("support-lead", "the support lead"),
    INCIDENT_COMMANDER("incident-commander", "the incident commander");

    private final String id;
    private final String who;

    Team(String id, String who) {
        this.id = id;
        this.who = who;
    }

    String id() {
        return id;
    }

    /** Who answers the page, as a reply names them. */
    String who() {
        return who;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Team::id).toList();
    }

    static Team of(String typed) throws UsageException {
        String id = Choices.pick(typed, ids(), "team", "teams");
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElseThrow();
    }
}
