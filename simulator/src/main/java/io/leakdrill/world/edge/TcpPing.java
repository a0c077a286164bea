package io.leakdrill.world.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;

/**
 * Measures TCP connect time to an endpoint, a few attempts in a row: how long the handshake takes, not how long the
 * server behind it takes to answer.
 */
public final class TcpPing {

    private TcpPing() {
    }

    /** The attempts at one target: connect times of those that connected, and the last failure, if any. */
    public record Result(String name, String host, int port, int attempts, List<Long> connectNanos, String failure) {

        public Result {
            connectNanos = List.copyOf(connectNanos);
        }

        public boolean down() {
            return port <= 0;
        }

        public int connected() {
            return connectNanos.size();
        }

        public LongSummaryStatistics stats() {
            return connectNanos.stream().mapToLong(Long::longValue).summaryStatistics();
        }
    }

    public static Result ping(PingTargets.Target target, int attempts, Duration timeout) {
        int port = target.port().getAsInt();
        if (port <= 0) {
            return new Result(target.name(), target.host(), port, 0, List.of(), "no port: not running");
        }
        List<Long> times = new ArrayList<>();
        String failure = null;
        InetSocketAddress address = new InetSocketAddress(target.host(), port);
        for (int i = 0; i < attempts; i++) {
            try (Socket socket = new Socket()) {
                long start = System.nanoTime();
                socket.connect(address, (int) timeout.toMillis());
                times.add(System.nanoTime() - start);
            } catch (IOException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        return new Result(target.name(), target.host(), port, attempts, times, failure);
    }
}
