package io.leakdrill.scenario;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated incident scenario: the story, the CRM and its leak, the traffic, alerts, patches and rubric. */
public record Scenario(
        String id,
        String title,
        String difficulty,
        String summary,
        String briefing,
        OffsetDateTime start,
        double speed,
        Duration duration,
        Crm crm,
        Traffic traffic,
        Leak leak,
        Duration monitorInterval,
        List<AlertRule> alerts,
        List<StoryEvent> timeline,
        List<Patch> patches,
        JsonObject json) {

    /** The CRM's JVM and components; {@code leakingComponent} is the answer, so only the drill reads it. */
    public record Crm(int heapMb, String gc, boolean crashOnOutOfMemory, List<String> components,
            String leakingComponent) {
    }

    /** The virtual users: how many, how they pace themselves, what they do, when they give up. */
    public record Traffic(int users, long thinkTimeMs, long timeoutMs, long slowMs, Map<String, Integer> mix) {
    }

    /** Where the leak starts and when it should exhaust the old generation. */
    public record Leak(double startFloorRatio, double exhaustedRatio, Duration exhaustedAt) {
    }

    /** A threshold alert on one measured metric that must hold for a while before it fires. */
    public record AlertRule(String id, String metric, double above, Duration holdFor, String severity,
            String summary) {
    }

    /** A scripted human message fired at an incident time. */
    public record StoryEvent(String id, Duration at, String kind, String from, String text) {
    }

    /** A change the trainee may deploy: a code variant of a component, or a JVM setting applied by restart. */
    public record Patch(String id, String title, String kind, String component, String variant, int heapMb,
            boolean bandAid) {
    }

    public Optional<Patch> patch(String patchId) {
        return patches.stream().filter(p -> p.id().equals(patchId)).findFirst();
    }
}
