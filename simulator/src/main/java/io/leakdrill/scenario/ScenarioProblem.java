package io.leakdrill.scenario;

/** One thing wrong with a scenario file: where (JSON path and line) and what. */
public record ScenarioProblem(String path, long line, String message) {

    @Override
    public String toString() {
        return path + " (line " + line + "): " + message;
    }
}
