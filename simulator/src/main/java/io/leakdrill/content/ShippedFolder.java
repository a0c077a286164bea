package io.leakdrill.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder of content that ships with the program (scenarios, runbooks): the checkout's folder when a system
 * property names it (the launcher and the tests set one), or else the copy packaged inside the jar.
 */
public final class ShippedFolder {

    private ShippedFolder() {
    }

    /**
     * @param property the system property that may name the folder, e.g. {@code leakdrill.runbooks}
     * @param folder the folder's name inside the jar, e.g. {@code runbooks}
     * @param marker a file always present in it, used to find the jar
     */
    public static Path find(String property, String folder, String marker) throws IOException {
        String configured = System.getProperty(property);
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        URL found = ShippedFolder.class.getResource("/" + folder + "/" + marker);
        if (found == null) {
            throw new IOException("no " + folder + " folder found; set -D" + property + "=DIR");
        }
        try {
            URI uri = found.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            FileSystem jar;
            try {
                jar = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(uri, Map.of());
            }
            return jar.getPath("/" + folder);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
