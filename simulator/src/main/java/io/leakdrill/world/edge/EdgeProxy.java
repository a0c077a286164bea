package io.leakdrill.world.edge;

import io.leakdrill.world.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The edge in front of the CRM: a TCP proxy on 127.0.0.1 that forwards every connection to the CRM's current port,
 * injects the network faults the drill begins, and counts what it did. With no fault active it only copies bytes.
 */
public final class EdgeProxy implements AutoCloseable {

    /** How far back the per-second history in {@link EdgeStats} reaches, in real time. */
    public static final Duration HISTORY = Duration.ofMinutes(15);

    static final InetAddress LOOPBACK = loopback();
    private static final EdgeFaultHandle[] NONE = {};
    private static final long JOIN_MILLIS = 2000;

    private final ServerSocket server;
    private final IntSupplier upstreamPort;
    private final EdgeCounters counters;
    private final Set<EdgeConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile EdgeFaultHandle[] faults = NONE;
    private volatile boolean closed;
    private long nextId;

    private EdgeProxy(ServerSocket server, IntSupplier upstreamPort, LongSupplier realMillis) {
        this.server = server;
        this.upstreamPort = upstreamPort;
        this.counters = new EdgeCounters(realMillis);
        this.acceptor = new Thread(this::acceptLoop, "edge-accept");
        acceptor.setDaemon(true);
    }

    /** Starts an edge on an ephemeral port; {@code upstreamPort} gives the CRM's port, or -1 while it is down. */
    public static EdgeProxy start(IntSupplier upstreamPort) throws IOException {
        return start(upstreamPort, System::currentTimeMillis);
    }

    /** As {@link #start(IntSupplier)}, with the real-time clock its per-second history is kept in. */
    public static EdgeProxy start(IntSupplier upstreamPort, LongSupplier realMillis) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(LOOPBACK, 0), 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        EdgeProxy edge = new EdgeProxy(server, upstreamPort, realMillis);
        edge.acceptor.start();
        return edge;
    }

    /** The port users connect to, or -1 once the edge is closed. */
    public int port() {
        return closed ? -1 : server.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** A fault on this edge's traffic, inactive until the drill calls {@link Fault#begin()}. */
    public Fault fault(EdgeFaultSpec spec) {
        return new EdgeFaultHandle(spec, this);
    }

    /** The counters as they stand now. */
    public EdgeStats stats() {
        return counters.snapshot(connections.size());
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    // Out of descriptors or similar: back off briefly rather than spin.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
                continue;
            }
            counters.add(EdgeCounter.ACCEPTED, 1);
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                // The client is already gone; its connection will fail on first use and close itself.
            }
            EdgeConnection connection = new EdgeConnection(++nextId, this, counters, socket);
            connections.add(connection);
            if (closed) {
                connection.close();
            } else {
                connection.start();
            }
        }
    }

    int upstreamPort() {
        return upstreamPort.getAsInt();
    }

    EdgeFaultHandle[] faults() {
        return faults;
    }

    synchronized void activate(EdgeFaultHandle fault) {
        if (!closed) {
            EdgeFaultHandle[] now = Arrays.copyOf(faults, faults.length + 1);
            now[now.length - 1] = fault;
            faults = now;
        }
    }

    synchronized void deactivate(EdgeFaultHandle fault) {
        faults = Arrays.stream(faults).filter(f -> f != fault).toArray(EdgeFaultHandle[]::new);
    }

    void closed(EdgeConnection connection) {
        connections.remove(connection);
    }

    /** Stops accepting, closes every connection, and waits for every thread of the edge to end. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            faults = NONE;
        }
        try {
            server.close();
        } catch (IOException e) {
            // The listening socket is released either way.
        }
        try {
            acceptor.join(JOIN_MILLIS);
            List<EdgeConnection> open = new ArrayList<>(connections);
            open.forEach(EdgeConnection::close);
            for (EdgeConnection c : open) {
                c.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
