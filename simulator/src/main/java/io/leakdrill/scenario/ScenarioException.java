package io.leakdrill.scenario;

import java.util.List;

/** A scenario file that cannot be used, with every problem found in it. */
public final class ScenarioException extends Exception {

    private final String source;
    private final List<ScenarioProblem> problems;

    public ScenarioException(String source, List<ScenarioProblem> problems) {
        super(source + ": " + problems.get(0) + (problems.size() > 1
                ? " (and " + (problems.size() - 1) + " more; run `leakdrill validate` to see all)" : ""));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
