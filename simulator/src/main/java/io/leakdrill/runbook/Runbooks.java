package io.leakdrill.runbook;

import io.leakdrill.content.ShippedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The runbooks that ship with Leak Drill, one Markdown file each, found by name (the file name without .md). */
public final class Runbooks {

    private final Path folder;
    // Why there is no folder: a console without its runbooks still runs, and says so when one is asked for.
    private final IOException missing;

    private Runbooks(Path folder, IOException missing) {
        this.folder = folder;
        this.missing = missing;
    }

    public static Runbooks standard() {
        try {
            return in(ShippedFolder.find("leakdrill.runbooks", "runbooks", "memory-leak-triage.md"));
        } catch (IOException e) {
            return new Runbooks(null, e);
        }
    }

    public static Runbooks in(Path folder) {
        return new Runbooks(folder, null);
    }

    /** Every runbook's name, sorted. */
    public List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    /** The runbook's Markdown, if there is one by that name. */
    public Optional<String> markdown(String name) throws IOException {
        Path folder = folder();
        if (!name.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        Path file = folder.resolve(name + ".md");
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                : Optional.empty();
    }

    /** The runbook's first heading, or its name when it has none. */
    public String title(String name) throws IOException {
        return markdown(name).flatMap(text -> text.lines().filter(l -> l.startsWith("# ")).findFirst())
                .map(l -> l.substring(2).strip()).orElse(name);
    }

    private Path folder() throws IOException {
        if (missing != null) {
            throw missing;
        }
        return folder;
    }
}
