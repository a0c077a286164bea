package io.leakdrill.crm.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A diagnostic file the CRM writes into its working folder (the drill's folder) under a name the caller gives, as
 * {@code jcmd} writes heap dumps and flight recordings: the name may not point elsewhere nor overwrite, and the
 * time it took is the pause the service felt.
 */
public record WorkingFolderDump(Path file, long bytes, long pauseMicros) {

    /** Writes a file into the working folder. */
    public interface Writer {
        void write(Path file) throws IOException;
    }

    /** Writes {@code name}, which must be a plain file name ending in {@code .extension}, and times the writing. */
    public static WorkingFolderDump write(String name, String extension, String what, Writer writer)
            throws IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\." + extension)) {
            throw new IllegalArgumentException(what + " needs a plain file name ending in ." + extension + ": "
                    + name);
        }
        Path file = Path.of(name).toAbsolutePath();
        // The JDK refuses to overwrite a heap dump; say so plainly, and the same for any file.
        if (Files.exists(file)) {
            throw new IllegalArgumentException("already exists: " + file);
        }
        long start = System.nanoTime();
        writer.write(file);
        long pauseMicros = (System.nanoTime() - start) / 1000;
        return new WorkingFolderDump(file, Files.size(file), pauseMicros);
    }
}
