package io.leakdrill.runbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.scenario.Scenario;
import io.leakdrill.scenario.ScenarioCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The briefing's pointers lead somewhere: every runbook a shipped scenario names ships too. */
class ScenarioRunbooksTest {

    @Test
    void everyShippedScenarioPointsAtRunbooksThatExist() throws Exception {
        List<String> shipped = Runbooks.standard().names();
        ScenarioCatalog catalog = ScenarioCatalog.standard();
        for (String id : catalog.ids()) {
            Scenario scenario = catalog.load(id);
            assertFalse(scenario.runbooks().isEmpty(), id + " points the trainee at its runbooks");
            scenario.runbooks().forEach(name -> assertTrue(shipped.contains(name),
                    id + " names runbook " + name + ", which is not one of " + shipped));
        }
    }
}
