package io.leakdrill.world.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The company's mail relay, which the CRM hands its e-mail to: a small SMTP server on 127.0.0.1. Like hosted relays
 * it throttles each connection to a fixed number of messages per minute (incident time): it holds its reply to the
 * end of a message until that connection's next slot. It takes a limited number of connections at once.
 */
public final class MailRelay implements AutoCloseable {

    /** How many messages one connection may hand over per incident minute. */
    public static final double MESSAGES_PER_MINUTE = 30;
    /** Connections served at once; more are turned away with a 421, as a real relay does. */
    public static final int MAX_CONNECTIONS = 16;

    private final ServerSocket server;
    private final long slotNanos;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger sessionIds = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean running = true;

    private MailRelay(ServerSocket server, double speed, double messagesPerMinute) {
        this.server = server;
        this.slotNanos = (long) (60e9 / messagesPerMinute / speed);
        this.acceptor = new Thread(this::acceptLoop, "mail-relay-accept");
        acceptor.setDaemon(true);
    }

    /** Starts a relay on an ephemeral loopback port whose throttle runs in incident time at this clock speed. */
    public static MailRelay start(double speed) throws IOException {
        return start(speed, MESSAGES_PER_MINUTE);
    }

    public static MailRelay start(double speed, double messagesPerMinute) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        MailRelay relay = new MailRelay(server, speed, messagesPerMinute);
        relay.acceptor.start();
        return relay;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages the relay has accepted for delivery since it started. */
    public long accepted() {
        return accepted.get();
    }

    /** Bytes of message text accepted since it started. */
    public long acceptedBytes() {
        return bytes.get();
    }

    /** Connections open now. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            boolean admitted = connections.incrementAndGet() <= MAX_CONNECTIONS;
            open.add(socket);
            Thread session = new Thread(() -> serve(socket, admitted), "mail-relay-" + sessionIds.incrementAndGet());
            session.setDaemon(true);
            session.start();
        }
    }

    private void serve(Socket socket, boolean admitted) {
        try (socket) {
            socket.setTcpNoDelay(true);
            new RelaySession(socket, slotNanos, admitted, (size) -> {
                accepted.incrementAndGet();
                bytes.addAndGet(size);
            }).run();
        } catch (IOException e) {
            // The client went away mid-session; nothing to deliver.
        } finally {
            open.remove(socket);
            connections.decrementAndGet();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already gone.
            }
        }
    }
}
