package io.leakdrill.world.monitor;

/**
 * One monitor sample: the CRM's own telemetry and what the users experienced over the same window. When the CRM
 * does not answer, its fields are zero and {@code crmUp} is false; the users' side is still measured.
 */
public record Sample(
        double atSeconds,
        boolean crmUp,
        long heapUsed,
        long heapMax,
        long oldUsed,
        long oldMax,
        long oldAfterGc,
        long gcCount,
        long gcTimeMs,
        double gcTimeShare,
        long crmRequests,
        long crmErrors,
        double crmP95Ms,
        double crmDbP95Ms,
        int dbPoolWaiting,
        int userRequests,
        double userP50Ms,
        double userP95Ms,
        int userErrors,
        int userTimeouts,
        int userLogins,
        double requestsPerSecond,
        double usersAffected,
        JvmGauges jvm) {

    public double oldAfterGcRatio() {
        return oldMax <= 0 ? 0 : oldAfterGc / (double) oldMax;
    }

    public double errorRatio() {
        return userRequests == 0 ? 0 : (userErrors + userTimeouts) / (double) userRequests;
    }
}
