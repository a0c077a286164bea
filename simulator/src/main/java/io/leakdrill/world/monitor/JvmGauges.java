package io.leakdrill.world.monitor;

/**
 * The CRM JVM's memory beyond the old generation (eden, metaspace, direct buffers, the process's resident set) and
 * its collections split into young and full, as {@code jstat -gcutil} and {@code jcmd VM.native_memory} would show,
 * and the old generation after the last full collection: the live set, free of the garbage young collections
 * promote. A limit of zero means the JVM sets none.
 */
public record JvmGauges(
        long edenUsed,
        long edenCommitted,
        long metaspaceUsed,
        long metaspaceMax,
        long directUsed,
        long directMax,
        long directCount,
        long rssBytes,
        long youngCount,
        long youngTimeMs,
        long fullCount,
        long fullTimeMs,
        long oldAfterFullGc) {

    /** What a sample holds when the CRM did not answer. */
    public static final JvmGauges NONE = new JvmGauges(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double metaspaceRatio() {
        return metaspaceMax <= 0 ? 0 : metaspaceUsed / (double) metaspaceMax;
    }

    public double directRatio() {
        return directMax <= 0 ? 0 : directUsed / (double) directMax;
    }
}
