package io.leakdrill.console.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Names for the files a tool leaves in the drill's folder (heap dumps, flight recordings): the incident time and a
 * number counted across the whole drill, so they sort in the order they were taken even across CRM restarts.
 */
final class NumberedFile {

    private NumberedFile() {
    }

    /** {@code PREFIX-HHMM-N.EXTENSION}, with N one more than the files of that kind already there. */
    static String next(Path folder, String prefix, String clock, String extension) throws IOException {
        String pattern = prefix + "-.*\\." + extension;
        long taken;
        try (Stream<Path> files = Files.list(folder)) {
            taken = files.filter(f -> f.getFileName().toString().matches(pattern)).count();
        }
        String stamp = clock.replace(":", "");
        long n = taken + 1;
        while (Files.exists(folder.resolve(prefix + "-" + stamp + "-" + n + "." + extension))) {
            n++;
        }
        return prefix + "-" + stamp + "-" + n + "." + extension;
    }
}
