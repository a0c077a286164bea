package io.leakdrill.crm.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fixed outbox: a small pool of senders, each with its own relay session, drains a bounded queue. A request
 * waits briefly for room when the queue is full (back-pressure) and then sheds its notification, counted and logged,
 * rather than letting the backlog grow without limit.
 */
final class BoundedMailOutbox implements Outbox, MailSender.Source {

    private static final long BACK_PRESSURE_MS = 20;
    private static final long IDLE_POLL_MS = 200;

    private final BlockingQueue<MailMessage> pending;
    // What the previous outbox still held at the hand-over: sent with the capacity new mail leaves, never refused.
    private final ConcurrentLinkedQueue<MailMessage> carriedOver;
    private final List<MailSender> senders = new ArrayList<>();
    private final MailSettings settings;
    private final int capacity;
    private final AtomicLong shed = new AtomicLong();
    private volatile long lastShedLogged;
    private volatile boolean stopped;

    BoundedMailOutbox(MailSettings settings, int capacity, int senderCount) {
        this.settings = settings;
        this.capacity = capacity;
        this.pending = new ArrayBlockingQueue<>(capacity);
        this.carriedOver = new ConcurrentLinkedQueue<>();
        DeliveryLog log = new DeliveryLog(settings, "mail outbox", senderCount);
        for (int i = 1; i <= senderCount; i++) {
            MailSender sender = new MailSender(this, settings, log);
            senders.add(sender);
            sender.start("mail-sender-" + i);
        }
    }

    /** Takes over what a previous outbox still held, so a deploy loses no mail. */
    void adopt(List<MailMessage> earlier) {
        carriedOver.addAll(earlier);
        settings.log().info("mail outbox: took over " + earlier.size() + " undelivered message(s) from the previous"
                + " outbox");
    }

    /** New mail first, so fresh notifications are not shed behind the old backlog; then what was carried over. */
    @Override
    public MailMessage next() throws InterruptedException {
        while (true) {
            MailMessage message = pending.poll();
            if (message == null) {
                message = carriedOver.poll();
            }
            if (message == null) {
                // Not take(): what a hand-over carries over arrives without waking anyone.
                message = pending.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
            }
            if (message != null) {
                return message;
            }
        }
    }

    @Override
    public boolean submit(MailMessage message) {
        if (stopped) {
            return false;
        }
        try {
            if (pending.offer(message, BACK_PRESSURE_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long dropped = shed.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - lastShedLogged >= settings.reportEveryMillis()) {
            lastShedLogged = now;
            settings.log().warn("mail outbox full (" + capacity + " waiting): shed the notification for deal "
                    + message.dealId() + "; " + dropped + " shed so far");
        }
        return false;
    }

    @Override
    public int pending() {
        return pending.size() + carriedOver.size();
    }

    @Override
    public String implementation() {
        return "BoundedMailOutbox (" + senders.size() + " senders, at most " + capacity + " waiting)";
    }

    @Override
    public List<MailMessage> stop() {
        stopped = true;
        senders.forEach(MailSender::stop);
        List<MailMessage> left = new ArrayList<>(carriedOver);
        carriedOver.clear();
        pending.drainTo(left);
        return left;
    }
}
