package io.leakdrill.world.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * One SMTP session at the relay: the greeting, EHLO, then MAIL, RCPT, DATA for each message (pipelined or not), and
 * QUIT. Message text is read as bytes line by line and counted, not kept. The end of each message waits for the
 * connection's throttle.
 */
final class RelaySession {

    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private final ConnectionThrottle throttle;
    private final boolean admitted;
    private final LongConsumer onAccepted;
    private final byte[] line = new byte[MAX_LINE];
    // Our own read buffer: a message is tens of kilobytes, too many bytes to fetch one synchronized read() at a time.
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int recipients;
    private boolean sender;
    private long queueIds;

    RelaySession(Socket socket, long slotNanos, boolean admitted, LongConsumer onAccepted) throws IOException {
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.throttle = new ConnectionThrottle(slotNanos, System.nanoTime());
        this.admitted = admitted;
        this.onAccepted = onAccepted;
    }

    void run() throws IOException {
        if (!admitted) {
            reply("421 4.7.0 relay.sales.example.com too many connections, try again later");
            return;
        }
        reply("220 relay.sales.example.com ESMTP ready");
        while (true) {
            int length = readLine();
            if (length < 0) {
                return;
            }
            String command = new String(line, 0, length, StandardCharsets.US_ASCII);
            String verb = (command.length() >= 4 ? command.substring(0, 4) : command).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> reply("250-relay.sales.example.com\r\n250-PIPELINING\r\n250 SIZE 10485760");
                case "MAIL" -> {
                    sender = true;
                    recipients = 0;
                    reply("250 2.1.0 Ok");
                }
                case "RCPT" -> {
                    if (!sender) {
                        reply("503 5.5.1 need MAIL first");
                    } else {
                        recipients++;
                        reply("250 2.1.5 Ok");
                    }
                }
                case "DATA" -> {
                    if (recipients == 0) {
                        reply("503 5.5.1 need RCPT first");
                    } else {
                        reply("354 End data with <CR><LF>.<CR><LF>");
                        long size = readMessage();
                        if (size < 0) {
                            return;
                        }
                        awaitSlot();
                        onAccepted.accept(size);
                        sender = false;
                        recipients = 0;
                        reply("250 2.0.0 Ok: queued as R" + (++queueIds));
                    }
                }
                case "RSET" -> {
                    sender = false;
                    recipients = 0;
                    reply("250 2.0.0 Ok");
                }
                case "NOOP" -> reply("250 2.0.0 Ok");
                case "QUIT" -> {
                    reply("221 2.0.0 Bye");
                    return;
                }
                default -> reply("502 5.5.2 command not recognized");
            }
        }
    }

    // The relay's throttle: a client that sends faster than its rate waits for the reply to the end of its message.
    private void awaitSlot() {
        long until = throttle.admit(System.nanoTime());
        long now;
        while ((now = System.nanoTime()) < until) {
            LockSupport.parkNanos(until - now);
        }
    }

    private long readMessage() throws IOException {
        long size = 0;
        while (true) {
            int length = readLine();
            if (length < 0) {
                return -1;
            }
            if (length == 1 && line[0] == '.') {
                return size;
            }
            size += length + 2;
        }
    }

    /** Reads one line (CRLF or LF ended) into {@code line}; its length, or -1 at end of stream. Long lines are cut. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length > 0 ? length : -1;
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            }
            if (length < MAX_LINE) {
                line[length++] = b;
            }
        }
    }

    private void reply(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
