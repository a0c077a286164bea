package io.leakdrill.crm.mail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One sender thread's loop: takes the next message, hands it to the relay over its own SMTP session, and after a
 * failure reconnects and tries the same message again, so nothing taken from the queue is dropped.
 */
final class MailSender implements Runnable {

    /** Where a sender gets its next message; blocks while there is none. */
    interface Source {
        MailMessage next() throws InterruptedException;
    }

    private static final int REPLY_TIMEOUT_MS = 30_000;
    private static final long RETRY_PAUSE_MS = 200;

    private final Source source;
    private final MailSettings settings;
    private final DeliveryLog log;
    private volatile boolean running = true;
    private Thread thread;

    MailSender(Source source, MailSettings settings, DeliveryLog log) {
        this.source = source;
        this.settings = settings;
        this.log = log;
    }

    void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Finishes the delivery in progress (if any) and takes no further message. */
    void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public void run() {
        RelayConnection connection = null;
        MailMessage message = null;
        while (running) {
            try {
                if (message == null) {
                    message = source.next();
                }
                if (settings.relayPort() < 0) {
                    throw new IOException("no mail relay is configured");
                }
                if (connection == null) {
                    connection = RelayConnection.open(settings.relayPort(), "crm.sales.example.com",
                            REPLY_TIMEOUT_MS);
                }
                connection.deliver(message);
                message = null;
                log.delivered();
            } catch (InterruptedException e) {
                break;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // The session is in an unknown state after any failure: start a fresh one for the same message.
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                log.failed(e instanceof Exception ex ? ex : new IOException(String.valueOf(e)));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MS));
            }
        }
        if (connection != null) {
            connection.close();
        }
    }
}
