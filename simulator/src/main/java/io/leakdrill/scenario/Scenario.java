package io.leakdrill.scenario;

import io.leakdrill.world.monitor.Condition;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated incident scenario: the story, the CRM and its components, the traffic and the leak's pace, alert
 * rules, the timeline and decoys, the patches on offer, and the variants a seed chooses between.
 */
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
        List<Decoy> decoys,
        List<Patch> patches,
        List<Variant> variants,
        List<Hint> hints,
        List<String> followUp,
        List<String> runbooks,
        JsonObject json) {

    /** The CRM's JVM and the components it runs; which one leaks is the variant's secret. */
    public record Crm(int heapMb, String gc, boolean crashOnOutOfMemory, List<String> components, int metaspaceMb,
            int directMemoryMb) {

        /** The JVM options beyond heap and GC: the limits of metaspace and of direct buffers, when the scenario sets them. */
        public List<String> jvmOptions() {
            List<String> options = new java.util.ArrayList<>();
            if (metaspaceMb > 0) {
                options.add("-XX:MaxMetaspaceSize=" + metaspaceMb + "m");
            }
            if (directMemoryMb > 0) {
                options.add("-XX:MaxDirectMemorySize=" + directMemoryMb + "m");
            }
            return List.copyOf(options);
        }
    }

    /** The virtual users: how many, how they pace themselves, what they do, when they give up. */
    public record Traffic(int users, long thinkTimeMs, long timeoutMs, long slowMs, Map<String, Integer> mix) {
    }

    /**
     * Where the leak starts and when it should exhaust its memory area (the old generation, metaspace or direct
     * memory: whichever the leaking component fills), as shares of that area's limit.
     */
    public record Leak(double startFloorRatio, double exhaustedRatio, Duration exhaustedAt) {
    }

    /** A Prometheus-style rule: a condition on a measured metric that must hold for a while before it fires. */
    public record AlertRule(String id, Condition condition, Duration holdFor, String severity, String summary) {
    }

    /** When something happens: at an incident time, or once a condition on the metrics has held for a while. */
    public record Trigger(Duration at, Condition when, Duration holdFor) {

        public static Trigger at(Duration at) {
            return new Trigger(at, null, Duration.ZERO);
        }

        public static Trigger when(Condition when, Duration holdFor) {
            return new Trigger(null, when, holdFor);
        }

        public boolean timed() {
            return at != null;
        }

        @Override
        public String toString() {
            return timed() ? "at +" + at.toMinutes() + "m" : "when " + when + (holdFor.isZero() ? ""
                    : " for " + holdFor.toSeconds() + "s");
        }
    }

    /** A scripted human message (ticket, chat, page, change-log entry). */
    public record StoryEvent(String id, Trigger trigger, String kind, String from, String text) {
    }

    /** A misleading symptom: a real fault injected into a real component for a window of incident time. */
    public record Decoy(String id, DecoyKind kind, String title, Trigger trigger, Duration lasts,
            Map<String, Double> params) {

        public double param(String name) {
            Double given = params.get(name);
            return given != null ? given : kind.defaultOf(name);
        }
    }

    /** A change the trainee may deploy: a code version of a component, or a JVM setting applied by restart. */
    public record Patch(String id, String title, String kind, String component, String version, int heapMb,
            boolean bandAid) {
    }

    /** One way the incident can go: which component leaks, which patch fixes it, which decoys play. */
    public record Variant(String id, String leakingComponent, String fix, List<String> decoys) {
    }

    /** Help the trainee may ask for once enough incident time has passed. */
    /** A hint the trainee may reveal from {@code after} on, for {@code cost} points of the score. */
    public record Hint(Duration after, String text, int cost) {
    }

    public Optional<Patch> patch(String patchId) {
        return patches.stream().filter(p -> p.id().equals(patchId)).findFirst();
    }

    /** The variant a seed picks: the same seed always picks the same one, and reading the file does not tell which. */
    public Variant variantFor(long seed) {
        return variants.get(new java.util.SplittableRandom(seed).nextInt(variants.size()));
    }

    public Optional<Variant> variant(String variantId) {
        return variants.stream().filter(v -> v.id().equals(variantId)).findFirst();
    }
}
