package io.leakdrill.crm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The CRM child process: started by the drill from the same jar, it serves on a loopback port, reports that port in
 * a ready file, and ends itself when the drill goes away.
 */
public final class CrmMain {

    private CrmMain() {
    }

    public static void main(String[] args) throws Exception {
        CrmLog log = new CrmLog(System.out);
        CrmSettings settings = CrmSettings.parse(args, System.getenv("LEAKDRILL_ADMIN_TOKEN"));
        ParentWatchdog.start(System.in, settings.parentPid(), log);
        CrmServer server = new CrmServer(settings, log);
        int port = server.start();
        long pid = ProcessHandle.current().pid();
        log.info("CRM listening on 127.0.0.1:" + port + " (pid " + pid + ")");
        writeReadyFile(settings.readyFile(), port, pid);
    }

    // Written to a temporary name and moved so the drill never reads half a line.
    private static void writeReadyFile(Path file, int port, long pid) throws Exception {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, "port=" + port + "\npid=" + pid + "\n");
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
