package io.leakdrill.world.crm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The CRM's class data sharing archive, next to the jar it was made from: the first CRM after a build records the
 * classes it loaded as it exits, later ones map them and start sooner. Run from classes folders (the tests), there
 * is none. A recording goes to a name of its own and is moved into place whole, so two CRMs recording at once, or
 * one killed while it writes, never leave a half archive under the real name.
 */
final class ClassDataArchive {

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path archive;
    private final Path recording;
    private final boolean use;

    private ClassDataArchive(Path archive, Path recording, boolean use) {
        this.archive = archive;
        this.recording = recording;
        this.use = use;
    }

    /** For a CRM started from this class path: an archive to map or to record, or none off a jar. */
    static Optional<ClassDataArchive> forClassPath(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path archive = jar.resolveSibling("crm.jsa");
        try {
            boolean fresh = Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
            return Optional.of(new ClassDataArchive(archive,
                    jar.resolveSibling("crm-" + UUID.randomUUID() + ".jsa.recording"), fresh));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    List<String> jvmFlags() {
        String flag = use ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + recording;
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(flag), QUIET.stream()).toList();
    }

    /** Whether this CRM records the archive, which its JVM writes only on a normal exit. */
    boolean records() {
        return !use;
    }

    /** After the CRM has exited: a finished recording becomes the archive. */
    void keepRecording() {
        if (use || !Files.isRegularFile(recording)) {
            return;
        }
        try {
            Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Only a faster start is lost; the next CRM records again.
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // Nothing more to do: the file is in the build folder, which a clean removes.
            }
        }
    }
}
