package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.drill.HistogramStore.Entry;
import io.leakdrill.drill.HistogramStore.Growth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramStoreTest {

    private final HistogramStore store = new HistogramStore();

    @Test
    void aHistogramIsNamedTheWayPeopleTypeIt() {
        store.add(60, "15:46", 1, Map.of());
        store.add(360, "15:51", 1, Map.of());

        for (String name : List.of("H2", "h2", "2")) {
            assertEquals("H2", store.byId(name).orElseThrow().id(), name);
            assertTrue(HistogramStore.isId(name), name);
        }
        assertTrue(store.byId("3").isEmpty());
        assertFalse(HistogramStore.isId("UserSession"));
        assertFalse(HistogramStore.isId("List12"));
    }

    @Test
    void growthListsWhatGrewMostFirstAndWhatShrankAtTheEnd() {
        var before = store.add(60, "15:46", 1, Map.of(
                "io.crm.UserSession", new Entry(100, 4_000),
                "[B", new Entry(50, 90_000),
                "io.crm.Report", new Entry(10, 5_000)));
        var after = store.add(360, "15:51", 1, Map.of(
                "io.crm.UserSession", new Entry(600, 24_000),
                "[B", new Entry(40, 80_000),
                "io.crm.Report", new Entry(10, 5_000),
                "io.crm.DealSummary", new Entry(3_000, 120_000)));

        assertEquals(List.of(new Growth("io.crm.DealSummary", 3_000, 120_000),
                new Growth("io.crm.UserSession", 500, 20_000), new Growth("io.crm.Report", 0, 0),
                new Growth("[B", -10, -10_000)), after.growthSince(before, ""));
        assertEquals(List.of(new Growth("io.crm.UserSession", 500, 20_000)), after.growthSince(before, "Session"));
    }
}
