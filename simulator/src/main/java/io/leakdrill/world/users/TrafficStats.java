package io.leakdrill.world.users;

/**
 * What the virtual users experienced over a window: request count, latency percentiles, failures, and the share
 * of users hurt (a user is hurt when any of their requests in the window failed, timed out or was slower than the
 * slow threshold).
 */
public record TrafficStats(int requests, double p50Ms, double p95Ms, int errors, int timeouts, int logins,
        double usersAffected, double windowSeconds) {

    public double errorRatio() {
        return requests == 0 ? 0 : (errors + timeouts) / (double) requests;
    }

    public double requestsPerSecond() {
        return windowSeconds <= 0 ? 0 : requests / windowSeconds;
    }
}
