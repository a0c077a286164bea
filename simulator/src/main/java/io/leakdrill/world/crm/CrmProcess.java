package io.leakdrill.world.crm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One running CRM JVM, started from this program's own class path with {@code java} from {@code java.home}. Its
 * output goes to files in the drill's folder; it watches our stdin pipe and ends itself when we die.
 */
public final class CrmProcess {

    private static final String MAIN_CLASS = "io.leakdrill.crm.CrmMain";

    private final Process process;
    private final int port;
    private final Path stdout;
    private final Path stderr;
    private final CrmLaunch launch;
    private final List<String> command;
    private final Optional<ClassDataArchive> archive;

    private CrmProcess(Process process, int port, Path stdout, Path stderr, CrmLaunch launch, List<String> command,
            Optional<ClassDataArchive> archive) {
        this.archive = archive;
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
        this.launch = launch;
        this.command = List.copyOf(command);
    }

    /** Starts the CRM and waits until it reports its port, it exits, or the time-out passes. */
    public static CrmProcess start(CrmLaunch launch, int generation, Duration timeout)
            throws IOException, CrmStartException {
        // Absolute, because the child runs in this folder: heap dumps it writes by bare name land beside its logs.
        Path folder = launch.folder().toAbsolutePath();
        Files.createDirectories(folder);
        Path ready = folder.resolve("crm-" + generation + ".ready");
        Path out = folder.resolve("crm-" + generation + ".out");
        Path err = folder.resolve("crm-" + generation + ".err");
        Files.deleteIfExists(ready);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmFlags());
        String classPath = absoluteClassPath();
        Optional<ClassDataArchive> archive = ClassDataArchive.forClassPath(classPath);
        archive.ifPresent(a -> command.addAll(a.jvmFlags()));
        command.addAll(List.of("-cp", classPath, MAIN_CLASS,
                "--seed", Long.toString(launch.seed()),
                "--ready-file", ready.toString(),
                "--parent-pid", Long.toString(ProcessHandle.current().pid()),
                "--clock-speed", Double.toString(launch.clockSpeed()),
                "--on-oom", launch.crashOnOutOfMemory() ? "crash" : "degrade",
                "--mail-relay-port", Integer.toString(launch.mailRelayPort())));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LEAKDRILL_ADMIN_TOKEN", launch.adminToken());
        Process process = builder.start();
        // On stdin, not the command line, where `ps` or `jcmd VM.command_line` would show which component leaks.
        send(process, launch.components());
        // The CRM boots while the database may still be starting; it opens its pool once its login arrives on stdin.
        // After that, the pipe stays open and silent: the CRM reads it to EOF to learn that we are gone.
        launch.database().thenAccept(login -> send(process, Map.of("db-url", login.url(), "db-user", login.user(),
                "db-password", login.password())));

        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Properties props = readReady(ready);
            if (props != null) {
                return new CrmProcess(process, Integer.parseInt(props.getProperty("port")), out, err, launch,
                        command, archive);
            }
            if (!process.isAlive()) {
                throw new CrmStartException("the CRM exited with code " + process.exitValue()
                        + " before it was ready; its output:\n" + tail(out, err));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new CrmStartException("the CRM was not ready after " + timeout.toMillis()
                        + " ms; its output:\n" + tail(out, err));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
        }
    }

    /** One block as the CRM's {@code ParentPipe} reads it: {@code name=value} lines, then a blank line. */
    private static void send(Process process, Map<String, String> values) {
        StringBuilder block = new StringBuilder();
        values.forEach((name, value) -> block.append(name).append('=').append(value).append('\n'));
        try {
            OutputStream pipe = process.getOutputStream();
            pipe.write(block.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            pipe.flush();
        } catch (IOException e) {
            // The CRM is gone already; its exit is reported where its readiness or its crash is awaited.
        }
    }

    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Properties readReady(Path ready) throws IOException {
        try {
            Properties props = new Properties();
            props.load(Files.newBufferedReader(ready));
            return props;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String tail(Path out, Path err) {
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(out, err)) {
            try {
                List<String> lines = Files.readAllLines(file);
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> text.append(l).append('\n'));
            } catch (IOException e) {
                text.append("(could not read ").append(file).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString().strip();
    }

    public int port() {
        return port;
    }

    /** The settings this process was started with; the host's may have changed since, for the next start. */
    public CrmLaunch launch() {
        return launch;
    }

    /** The JVM options this process really runs with: its command line between {@code java} and the class path. */
    public List<String> jvmFlags() {
        int classPath = command.indexOf("-cp");
        return command.subList(1, classPath < 0 ? command.size() : classPath);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public Path stdout() {
        return stdout;
    }

    public Path stderr() {
        return stderr;
    }

    /** The last lines the CRM wrote, for crash reports. */
    public String outputTail() {
        return tail(stdout, stderr);
    }

    /**
     * Stops the CRM and waits for it to be gone. A CRM recording its class data archive is asked to exit (closing
     * stdin), since its JVM writes the archive as it exits; any other is killed at once: asked to halt, one took
     * 20 to 820 ms from logging it to exiting, and nothing in the CRM needs a goodbye.
     */
    public void stop() {
        boolean recording = archive.map(ClassDataArchive::records).orElse(false);
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed; the kill below still applies.
        }
        try {
            if (!recording || !process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        archive.ifPresent(ClassDataArchive::keepRecording);
    }
}
