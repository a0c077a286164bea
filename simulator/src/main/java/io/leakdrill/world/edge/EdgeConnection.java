package io.leakdrill.world.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection through the edge: a thread per direction copying bytes. The active faults roll once per
 * request (the first bytes a client sends after an answer, as HTTP/1.1 takes turns); a bandwidth limit that catches
 * a request paces it and its answer. Half-closes are passed on, so keep-alive and close semantics survive the hop.
 */
final class EdgeConnection {

    private static final int BUFFER = 16 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 2000;
    private static final long STACK = 256 * 1024;

    private static final EdgeFaultHandle[] NO_LIMITS = {};

    private enum Verdict { PASS, RESET, DROP_CLOSE, DROP_STALL }

    private final EdgeProxy edge;
    private final EdgeCounters counters;
    private final Socket client;
    private final Thread inbound;
    private final Thread outbound;
    private final AtomicInteger halfClosed = new AtomicInteger();
    private volatile Socket upstream;
    private volatile EdgeFaultHandle stalledBy;
    /** Set when bytes went back to the client: the next bytes from the client start a new request. */
    private volatile boolean answered = true;
    private volatile EdgeFaultHandle[] limits = NO_LIMITS;
    private boolean closed;

    EdgeConnection(long id, EdgeProxy edge, EdgeCounters counters, Socket client) {
        this.edge = edge;
        this.counters = counters;
        this.client = client;
        this.inbound = new Thread(null, this::runInbound, "edge-" + id + "-in", STACK);
        this.outbound = new Thread(null, this::runOutbound, "edge-" + id + "-out", STACK);
        inbound.setDaemon(true);
        outbound.setDaemon(true);
    }

    void start() {
        inbound.start();
    }

    private void runInbound() {
        try {
            int port = edge.upstreamPort();
            if (port <= 0) {
                refuse();
                return;
            }
            Socket up = new Socket();
            synchronized (this) {
                if (closed) {
                    return;
                }
                upstream = up;
            }
            try {
                up.setTcpNoDelay(true);
                up.connect(new InetSocketAddress(EdgeProxy.LOOPBACK, port), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                refuse();
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                outbound.start();
            }
            pumpRequests(client.getInputStream(), up.getOutputStream());
        } catch (IOException | InterruptedException e) {
            close();
        }
    }

    private void pumpRequests(InputStream in, OutputStream out) throws IOException, InterruptedException {
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (stalledBy != null) {
                continue;
            }
            if (answered) {
                // The client speaks after an answer: a new request. A body sent in more chunks rolls only once.
                answered = false;
                switch (verdict()) {
                    case RESET -> {
                        counters.add(EdgeCounter.RESETS, 1);
                        reset();
                        return;
                    }
                    case DROP_CLOSE -> {
                        counters.add(EdgeCounter.DROPS, 1);
                        close();
                        return;
                    }
                    case DROP_STALL -> {
                        counters.add(EdgeCounter.DROPS, 1);
                        continue;
                    }
                    case PASS -> {
                        delay();
                        limits = bandwidthLimits();
                    }
                }
            }
            send(out, buf, n, true);
        }
        if (stalledBy != null) {
            close();
            return;
        }
        upstream.shutdownOutput();
        closeIfBothHalvesDone();
    }

    private void runOutbound() {
        try {
            byte[] buf = new byte[BUFFER];
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                // Marked before the write: once the client has these bytes it may send its next request at once.
                answered = true;
                send(out, buf, n, false);
            }
            if (stalledBy == null) {
                client.shutdownOutput();
                closeIfBothHalvesDone();
            }
        } catch (IOException | InterruptedException e) {
            // A stalled connection lost its upstream on purpose; the client side stays open and silent.
            if (stalledBy == null) {
                close();
            }
        }
    }

    /** Rolls the decisive faults for one request; a stall is set up here. */
    private Verdict verdict() {
        EdgeFaultHandle[] faults = edge.faults();
        if (faults.length == 0) {
            return Verdict.PASS;
        }
        for (EdgeFaultHandle f : faults) {
            if (f.spec() instanceof EdgeFaultSpec.Reset && f.roll()) {
                return Verdict.RESET;
            }
        }
        for (EdgeFaultHandle f : faults) {
            if (f.spec() instanceof EdgeFaultSpec.Drop d && f.roll()) {
                if (d.mode() == DropMode.CLOSE) {
                    return Verdict.DROP_CLOSE;
                }
                stall(f);
                return Verdict.DROP_STALL;
            }
        }
        return Verdict.PASS;
    }

    private void delay() throws InterruptedException {
        EdgeFaultHandle[] faults = edge.faults();
        long nanos = 0;
        for (EdgeFaultHandle f : faults) {
            if (f.spec() instanceof EdgeFaultSpec.Latency l && f.roll()) {
                long jitter = l.jitter().toNanos();
                long offset = jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
                nanos += Math.max(0, l.delay().toNanos() + offset);
            }
        }
        if (nanos > 0) {
            long start = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(nanos);
            counters.add(EdgeCounter.DELAYED_REQUESTS, 1);
            counters.add(EdgeCounter.ADDED_DELAY_NANOS, System.nanoTime() - start);
        }
    }

    /** The bandwidth faults that caught this request: they pace it and its answer. */
    private EdgeFaultHandle[] bandwidthLimits() {
        EdgeFaultHandle[] faults = edge.faults();
        if (faults.length == 0) {
            return NO_LIMITS;
        }
        List<EdgeFaultHandle> caught = new ArrayList<>(1);
        for (EdgeFaultHandle f : faults) {
            if (f.spec() instanceof EdgeFaultSpec.Bandwidth && f.roll()) {
                caught.add(f);
            }
        }
        return caught.isEmpty() ? NO_LIMITS : caught.toArray(NO_LIMITS);
    }

    /** Writes a chunk, in slices paced by every bandwidth fault that caught the current exchange. */
    private void send(OutputStream out, byte[] buf, int n, boolean toUpstream)
            throws IOException, InterruptedException {
        EdgeFaultHandle[] pacing = limits;
        if (pacing.length == 0) {
            out.write(buf, 0, n);
        } else {
            int slice = Integer.MAX_VALUE;
            for (EdgeFaultHandle f : pacing) {
                slice = Math.min(slice, f.bucket(toUpstream).sliceBytes());
            }
            for (int off = 0; off < n; ) {
                int len = Math.min(slice, n - off);
                long wait = 0;
                for (EdgeFaultHandle f : pacing) {
                    if (f.active()) {
                        wait = Math.max(wait, f.bucket(toUpstream).reserve(len, System.nanoTime()));
                    }
                }
                if (wait > 0) {
                    long start = System.nanoTime();
                    TimeUnit.NANOSECONDS.sleep(wait);
                    counters.add(EdgeCounter.THROTTLED_NANOS, System.nanoTime() - start);
                }
                out.write(buf, off, len);
                off += len;
            }
        }
        counters.add(toUpstream ? EdgeCounter.BYTES_TO_UPSTREAM : EdgeCounter.BYTES_TO_CLIENTS, n);
    }

    private void stall(EdgeFaultHandle fault) {
        stalledBy = fault;
        fault.holdStalled(this);
        closeQuietly(upstream);
    }

    private void refuse() {
        synchronized (this) {
            if (closed) {
                // The edge is shutting down; that is not the upstream refusing.
                return;
            }
        }
        counters.add(EdgeCounter.REFUSED, 1);
        close();
    }

    /** Aborts the client's connection with a TCP RST: SO_LINGER 0, then close. */
    private void reset() {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already gone; a plain close is all that is left to do.
        }
        close();
    }

    private void closeIfBothHalvesDone() {
        if (halfClosed.incrementAndGet() == 2) {
            close();
        }
    }

    /** Closes both sockets and wakes both threads; safe from any thread, any number of times. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeQuietly(client);
        closeQuietly(upstream);
        Thread self = Thread.currentThread();
        // Sockets wake readers and writers; an interrupt wakes a thread sleeping out a delay or a throttle.
        if (self != inbound) {
            inbound.interrupt();
        }
        if (self != outbound) {
            outbound.interrupt();
        }
        EdgeFaultHandle by = stalledBy;
        if (by != null) {
            by.released(this);
        }
        edge.closed(this);
    }

    void join(long millis) throws InterruptedException {
        inbound.join(millis);
        outbound.join(millis);
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is best effort; the descriptor is released either way.
            }
        }
    }
}
