package io.leakdrill.crm.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The outbox as first shipped: requests queue their notification and return at once, and one sender thread hands
 * the queue to the relay a message at a time. The queue has no bound: while notifications arrive faster than the
 * relay accepts them from one connection, every waiting message, with its whole rendered body, stays in the heap.
 */
public final class MailOutbox implements Outbox, MailSender.Source {

    // Unbounded, so submit never blocks a request; it is also where a backlog piles up, out of sight.
    private final BlockingQueue<MailMessage> pending = new LinkedBlockingQueue<>();
    private final MailSender sender;
    private volatile boolean stopped;

    MailOutbox(MailSettings settings) {
        this.sender = new MailSender(this, settings, new DeliveryLog(settings, "mail outbox", 1));
        sender.start("mail-sender");
    }

    /** The sender's next message, oldest first; waits while the queue is empty. */
    @Override
    public MailMessage next() throws InterruptedException {
        return pending.take();
    }

    @Override
    public boolean submit(MailMessage message) {
        if (stopped) {
            return false;
        }
        pending.add(message);
        return true;
    }

    @Override
    public int pending() {
        return pending.size();
    }

    @Override
    public String implementation() {
        return "MailOutbox (one sender, unbounded queue)";
    }

    @Override
    public List<MailMessage> stop() {
        stopped = true;
        sender.stop();
        List<MailMessage> left = new ArrayList<>(pending.size());
        pending.drainTo(left);
        return left;
    }
}
