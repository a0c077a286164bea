package io.leakdrill.crm.mail;

import io.leakdrill.crm.CrmLog;

/**
 * What every outbox needs to reach the mail relay and report on itself.
 *
 * @param relayPort the relay's port on 127.0.0.1, or -1 when this CRM has no relay (messages then wait)
 * @param clockSpeed incident seconds per real second, so that log intervals read in incident minutes
 */
public record MailSettings(int relayPort, double clockSpeed, CrmLog log) {

    /** Five incident minutes in real milliseconds: how often senders report what they delivered. */
    long reportEveryMillis() {
        return Math.max(100, (long) (5 * 60_000 / clockSpeed));
    }
}
