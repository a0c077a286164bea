package io.leakdrill.world.edge;

import io.leakdrill.world.Fault;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** One fault made by an {@link EdgeProxy}: acts on the proxy's traffic from begin() to end(). */
final class EdgeFaultHandle implements Fault {

    private final EdgeFaultSpec spec;
    private final EdgeProxy edge;
    private final Set<EdgeConnection> stalled = ConcurrentHashMap.newKeySet();
    private volatile TokenBucket toUpstream;
    private volatile TokenBucket toClients;
    private volatile boolean active;
    private boolean begun;
    private boolean ended;

    EdgeFaultHandle(EdgeFaultSpec spec, EdgeProxy edge) {
        this.spec = spec;
        this.edge = edge;
    }

    EdgeFaultSpec spec() {
        return spec;
    }

    @Override
    public synchronized void begin() {
        if (begun || ended) {
            return;
        }
        begun = true;
        if (spec instanceof EdgeFaultSpec.Bandwidth b) {
            long now = System.nanoTime();
            toUpstream = new TokenBucket(b.bytesPerSecond(), now);
            toClients = new TokenBucket(b.bytesPerSecond(), now);
        }
        active = true;
        edge.activate(this);
    }

    @Override
    public synchronized void end() {
        if (ended) {
            return;
        }
        ended = true;
        active = false;
        if (begun) {
            edge.deactivate(this);
        }
        // Connections this fault left hanging would otherwise wait for their clients' time-outs.
        stalled.forEach(EdgeConnection::close);
        stalled.clear();
    }

    boolean active() {
        return active;
    }

    /** Whether the fault acts on this request. */
    boolean roll() {
        double p = spec.probability();
        return active && (p >= 1 || ThreadLocalRandom.current().nextDouble() < p);
    }

    TokenBucket bucket(boolean upstream) {
        return upstream ? toUpstream : toClients;
    }

    void holdStalled(EdgeConnection connection) {
        stalled.add(connection);
        if (!active) {
            connection.close();
        }
    }

    void released(EdgeConnection connection) {
        stalled.remove(connection);
    }
}
