package io.leakdrill.crm.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * A heap dump of live objects into the CRM's working folder, as {@code jcmd <pid> GC.heap_dump} takes it in
 * production: the full GC and the walk of the heap pause every request while it runs.
 */
public final class HeapDump {

    private HeapDump() {
    }

    /** Dumps the heap to {@code name} in the working folder; refuses anything that could point elsewhere. */
    public static WorkingFolderDump take(String name) throws IOException {
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return WorkingFolderDump.write(name, "hprof", "a heap dump", file -> bean.dumpHeap(file.toString(), true));
    }
}
