package io.leakdrill.world.crm;

import io.leakdrill.world.database.DatabaseLogin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one CRM JVM: heap, GC and other memory limits ({@code jvmOptions}), behaviour on
 * OutOfMemoryError, components, folder, the database it works on and the mail relay it sends through
 * ({@code mailRelayPort}, -1 for none).
 */
public record CrmLaunch(Path folder, int heapMb, String gc, List<String> jvmOptions, boolean crashOnOutOfMemory,
        long seed, double clockSpeed, Map<String, String> components, String adminToken,
        DatabaseLogin database, int mailRelayPort) {

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
                "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m", gcFlag(),
                "-XX:TieredStopAtLevel=1",
                // So `memory` can show native memory by category, as `jcmd VM.native_memory summary` would.
                "-XX:NativeMemoryTracking=summary",
                "-Dsun.net.httpserver.nodelay=true"));
        flags.addAll(jvmOptions);
        if (crashOnOutOfMemory) {
            flags.add("-XX:+ExitOnOutOfMemoryError");
        }
        return flags;
    }

    private String gcFlag() {
        return switch (gc) {
            case "serial" -> "-XX:+UseSerialGC";
            case "g1" -> "-XX:+UseG1GC";
            default -> "-XX:+UseParallelGC";
        };
    }
}
