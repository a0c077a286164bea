package io.leakdrill.crm.mail;

/**
 * A notification e-mail rendered for one recipient and waiting for delivery: the envelope and the message text
 * (headers and MIME body) exactly as the relay will receive it.
 */
public final class MailMessage {

    private final String messageId;
    private final long dealId;
    private final String sender;
    private final String recipient;
    private final String subject;
    private final String text;
    private final long queuedAtMillis;

    public MailMessage(String messageId, long dealId, String sender, String recipient, String subject,
            String text, long queuedAtMillis) {
        this.messageId = messageId;
        this.dealId = dealId;
        this.sender = sender;
        this.recipient = recipient;
        this.subject = subject;
        this.text = text;
        this.queuedAtMillis = queuedAtMillis;
    }

    public String messageId() {
        return messageId;
    }

    public long dealId() {
        return dealId;
    }

    public String sender() {
        return sender;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    /** Headers, a blank line and the body, lines ending in CRLF. */
    public String text() {
        return text;
    }

    public long queuedAtMillis() {
        return queuedAtMillis;
    }
}
