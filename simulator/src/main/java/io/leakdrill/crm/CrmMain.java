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
        ignoreTerminalInterrupt();
        routeLibraryLogging();
        CrmLog log = new CrmLog(System.out);
        ParentPipe pipe = new ParentPipe(System.in);
        CrmSettings settings = CrmSettings.parse(args, System.getenv("LEAKDRILL_ADMIN_TOKEN"), pipe.readBlock());
        CrmServer server = new CrmServer(settings, ParentWatchdog.start(pipe, settings.parentPid(), log), log);
        int port = server.start();
        long pid = ProcessHandle.current().pid();
        log.info("CRM listening on 127.0.0.1:" + port + " (pid " + pid + ")");
        writeReadyFile(settings.readyFile(), port, pid);
    }

    /**
     * The CRM shares the trainee's terminal's process group, so a Ctrl-C typed at the console would reach it too and
     * kill it (exit 130): the drill ends it by other means (its parent going away, a destroy), never by SIGINT.
     */
    private static void ignoreTerminalInterrupt() {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    }

    /**
     * HikariCP logs through SLF4J; slf4j-simple puts its lines (INFO and up: pool start, starvation warnings) in
     * this log next to ours, as a server's application log would have them. Set before the pool's first logger.
     */
    private static void routeLibraryLogging() {
        String prefix = "org.slf4j.simpleLogger.";
        System.setProperty(prefix + "logFile", "System.out");
        System.setProperty(prefix + "defaultLogLevel", "info");
        System.setProperty(prefix + "showDateTime", "true");
        System.setProperty(prefix + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty(prefix + "levelInBrackets", "false");
        System.setProperty(prefix + "showShortLogName", "true");
    }

    // Written to a temporary name and moved so the drill never reads half a line.
    private static void writeReadyFile(Path file, int port, long pid) throws Exception {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, "port=" + port + "\npid=" + pid + "\n");
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
