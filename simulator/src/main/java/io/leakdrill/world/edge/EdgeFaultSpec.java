package io.leakdrill.world.edge;

import java.time.Duration;

/**
 * What a network fault at the edge does and how often: each kind rolls its probability once per request passing the
 * edge (the first bytes a client sends after an answer). The drill decides when it begins and ends.
 */
public sealed interface EdgeFaultSpec {

    /** The chance, 0 to 1, that the fault acts on one request. */
    double probability();

    /** Holds a request back by {@code delay} plus or minus up to {@code jitter} (uniform, never below zero). */
    record Latency(double probability, Duration delay, Duration jitter) implements EdgeFaultSpec {
        public Latency {
            checkProbability(probability);
            if (delay.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("delay and jitter must not be negative");
            }
        }
    }

    /** Swallows a request and never answers it: the connection stalls, or is closed without a response. */
    record Drop(double probability, DropMode mode) implements EdgeFaultSpec {
        public Drop {
            checkProbability(probability);
        }
    }

    /** Aborts the connection with a real TCP RST instead of forwarding the request. */
    record Reset(double probability) implements EdgeFaultSpec {
        public Reset {
            checkProbability(probability);
        }
    }

    /**
     * Squeezes the requests it catches and their answers through a link of {@code bytesPerSecond} each way, shared by
     * all connections (a token bucket per direction).
     */
    record Bandwidth(double probability, long bytesPerSecond) implements EdgeFaultSpec {
        public Bandwidth {
            checkProbability(probability);
            if (bytesPerSecond <= 0) {
                throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
            }
        }
    }

    static Latency latency(double probability, Duration delay, Duration jitter) {
        return new Latency(probability, delay, jitter);
    }

    static Drop drop(double probability, DropMode mode) {
        return new Drop(probability, mode);
    }

    static Reset reset(double probability) {
        return new Reset(probability);
    }

    static Bandwidth bandwidth(double probability, long bytesPerSecond) {
        return new Bandwidth(probability, bytesPerSecond);
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + p);
        }
    }
}
