package io.leakdrill.crm.mail;

import java.util.List;

/** Where rendered e-mails wait until a sender hands them to the mail relay, so a request never waits for SMTP. */
public interface Outbox {

    /** Queues a message for delivery; false if it was not accepted (and will not be sent). */
    boolean submit(MailMessage message);

    /** Messages accepted and not yet delivered. */
    int pending();

    /** The implementation's description as the deploy log shows it. */
    String implementation();

    /** Stops sending and hands back what was still waiting, oldest first, for a replacement to deliver. */
    List<MailMessage> stop();
}
