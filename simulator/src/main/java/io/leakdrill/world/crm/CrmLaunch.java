package io.leakdrill.world.crm;

import io.leakdrill.world.database.DatabaseLogin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything needed to start one CRM JVM: heap, GC and other memory limits ({@code jvmOptions}), behaviour on
 * OutOfMemoryError, components, folder, the database it works on and the mail relay it sends through
 * ({@code mailRelayPort}, -1 for none). The database may still be starting: the CRM gets its login once it is up.
 */
public record CrmLaunch(Path folder, int heapMb, String gc, List<String> jvmOptions, boolean crashOnOutOfMemory,
        long seed, double clockSpeed, Map<String, String> components, String adminToken,
        CompletableFuture<DatabaseLogin> database, int mailRelayPort) {

    /** A CRM on a database that is up. */
    public CrmLaunch(Path folder, int heapMb, String gc, List<String> jvmOptions, boolean crashOnOutOfMemory,
            long seed, double clockSpeed, Map<String, String> components, String adminToken,
            DatabaseLogin database, int mailRelayPort) {
        this(folder, heapMb, gc, jvmOptions, crashOnOutOfMemory, seed, clockSpeed, components, adminToken,
                CompletableFuture.completedFuture(database), mailRelayPort);
    }

    /** The collectors a CRM can run with, as scenarios and `config set gc` name them. */
    public static final List<String> COLLECTORS = List.of("g1", "parallel", "serial");

    /** A CRM with no mail relay: its notification e-mails wait in the outbox. */
    public CrmLaunch(Path folder, int heapMb, String gc, List<String> jvmOptions, boolean crashOnOutOfMemory,
            long seed, double clockSpeed, Map<String, String> components, String adminToken,
            DatabaseLogin database) {
        this(folder, heapMb, gc, jvmOptions, crashOnOutOfMemory, seed, clockSpeed, components, adminToken, database,
                -1);
    }

    public CrmLaunch withHeapMb(int newHeapMb) {
        return new CrmLaunch(folder, newHeapMb, gc, jvmOptions, crashOnOutOfMemory, seed, clockSpeed, components,
                adminToken, database, mailRelayPort);
    }

    public CrmLaunch withGc(String newGc) {
        return new CrmLaunch(folder, heapMb, newGc, jvmOptions, crashOnOutOfMemory, seed, clockSpeed, components,
                adminToken, database, mailRelayPort);
    }

    public CrmLaunch withMailRelay(int port) {
        return new CrmLaunch(folder, heapMb, gc, jvmOptions, crashOnOutOfMemory, seed, clockSpeed, components,
                adminToken, database, port);
    }

    public CrmLaunch withComponent(String component, String variant) {
        Map<String, String> updated = new java.util.TreeMap<>(components);
        updated.put(component, variant);
        return new CrmLaunch(folder, heapMb, gc, jvmOptions, crashOnOutOfMemory, seed, clockSpeed,
                Map.copyOf(updated), adminToken, database, mailRelayPort);
    }

    /** The JVM flags the CRM runs with, as `config` would show them. */
    public List<String> jvmFlags() {
        List<String> flags = new java.util.ArrayList<>(List.of(
                "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m"));
        flags.addAll(gcFlags());
        flags.addAll(List.of(
                "-XX:TieredStopAtLevel=1",
                // So `memory` can show native memory by category, as `jcmd VM.native_memory summary` would.
                "-XX:NativeMemoryTracking=summary",
                // JFR keeps 256 old-object samples by default and, between collections, each new sample pushes out
                // the oldest. A busy CRM samples its request garbage so often that a small leaked object (a template
                // class loader's class file) was pushed out before any GC could prove it alive: `heap roots` then
                // found no leak at all. 8192 samples keep it in view, for about 1 MB of native memory.
                "-XX:FlightRecorderOptions=old-object-queue-size=8192",
                "-Dsun.net.httpserver.nodelay=true"));
        flags.addAll(jvmOptions);
        if (crashOnOutOfMemory) {
            flags.add("-XX:+ExitOnOutOfMemoryError");
        }
        return flags;
    }

    private List<String> gcFlags() {
        return switch (gc) {
            case "serial" -> List.of("-XX:+UseSerialGC");
            // G1 reclaims old-generation garbage only after a marking cycle, which by default starts near half the
            // heap. Once a fix has dropped the live set below that, promoted garbage piles up unmarked and the
            // floor climbs as if the leak went on; a fixed, lower threshold keeps the floor on the live set.
            case "g1" -> List.of("-XX:+UseG1GC", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=30");
            default -> List.of("-XX:+UseParallelGC");
        };
    }
}
