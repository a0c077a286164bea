package io.leakdrill.crm.mail;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What an outbox's senders write to the CRM log: how many messages reached the relay in each five incident minutes,
 * and relay failures (at most one line per interval, so a relay outage does not flood the log).
 */
final class DeliveryLog {

    private final MailSettings settings;
    private final String outbox;
    private final int senders;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private long periodStart = System.currentTimeMillis();
    private long lastFailureLogged;

    DeliveryLog(MailSettings settings, String outbox, int senders) {
        this.settings = settings;
        this.outbox = outbox;
        this.senders = senders;
    }

    void delivered() {
        delivered.incrementAndGet();
        reportIfDue();
    }

    void failed(Exception e) {
        failures.incrementAndGet();
        long now = System.currentTimeMillis();
        synchronized (this) {
            if (now - lastFailureLogged < settings.reportEveryMillis()) {
                return;
            }
            lastFailureLogged = now;
        }
        settings.log().warn(outbox + ": delivery to relay 127.0.0.1:" + settings.relayPort() + " failed, retrying: "
                + e.getMessage());
    }

    private void reportIfDue() {
        long now = System.currentTimeMillis();
        long count;
        synchronized (this) {
            if (now - periodStart < settings.reportEveryMillis()) {
                return;
            }
            periodStart = now;
            count = delivered.getAndSet(0);
        }
        settings.log().info(outbox + ": delivered " + count + " message(s) to relay 127.0.0.1:" + settings.relayPort()
                + " in the last 5 min (" + senders + " sender thread" + (senders == 1 ? "" : "s") + ")");
    }
}
