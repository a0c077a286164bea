package io.leakdrill.scenario;

import io.leakdrill.content.ShippedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds scenarios: by path, or by id in the scenarios folder (the {@code leakdrill.scenarios} property, set by the
 * launcher and the tests) or, failing that, inside the jar.
 */
public final class ScenarioCatalog {

    public static final String DEFAULT_ID = "memory-leak-mayhem";

    private final Path folder;

    private ScenarioCatalog(Path folder) {
        this.folder = folder;
    }

    public static ScenarioCatalog standard() throws IOException {
        return new ScenarioCatalog(ShippedFolder.find("leakdrill.scenarios", "scenarios", DEFAULT_ID + ".json"));
    }

    public static ScenarioCatalog in(Path folder) {
        return new ScenarioCatalog(folder);
    }

    /** The reference solution shipped beside a scenario for one of its variants, a console script. */
    public Path referenceSolution(String id, String variant) {
        return folder.resolve(id + "." + variant + ".solution.txt");
    }

    /** Resolves an id or a path to the scenario's file text and a name for messages. */
    public Scenario load(String idOrPath) throws IOException, ScenarioException {
        Path direct = Path.of(idOrPath);
        if (idOrPath.endsWith(".json") || idOrPath.contains("/")) {
            if (!Files.isRegularFile(direct)) {
                throw new ScenarioException(idOrPath, List.of(new ScenarioProblem("$", 0,
                        "no such file; give a scenario id (see `leakdrill list`) or a path to a .json file")));
            }
            return ScenarioReader.read(idOrPath, Files.readString(direct));
        }
        Path file = folder.resolve(idOrPath + ".json");
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(idOrPath, List.of(new ScenarioProblem("$", 0,
                    "no scenario with id '" + idOrPath + "'; known: " + String.join(", ", ids()))));
        }
        return ScenarioReader.read(idOrPath + ".json", Files.readString(file));
    }

    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .forEach(n -> ids.add(n.substring(0, n.length() - 5)));
        }
        return ids;
    }
}
