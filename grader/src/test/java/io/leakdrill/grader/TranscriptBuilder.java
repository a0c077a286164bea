package io.leakdrill.grader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/** Builds drill transcripts in code; events may be added in any order and are sorted by incident time. */
final class TranscriptBuilder {

    static final double OLD_MAX = 400e6;
    private static final LocalTime START = LocalTime.of(15, 45);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    static final String LEAK_CLASS = "io.leakdrill.crm.session.DealSummary";
    static final String RETAINED_BY = "static SESSIONS of io.leakdrill.crm.session.ConcurrentSessionCache";
    // What the drill writes about the session-cache leak, as the simulator would for the seed scenario.
    private static final JsonObject LEAK = Json.createObjectBuilder().add("pattern", "unbounded-cache")
            .add("leakClass", LEAK_CLASS).add("retainedBy", RETAINED_BY)
            .add("componentAreas", Json.createObjectBuilder().add("session-cache", "heap")
                    .add("report-cache", "heap").add("deals-repository", "heap")).build();

    private JsonObject scenario = defaultScenario().build();
    private UnaryOperator<JsonObjectBuilder> headerEdit = h -> h;
    private final List<Pending> events = new ArrayList<>();

    static JsonObjectBuilder defaultScenario() {
        return Json.createObjectBuilder()
                .add("id", "memory-leak-mayhem")
                .add("title", "Memory Leak Mayhem")
                .add("clock", Json.createObjectBuilder().add("start", "2021-08-12T15:45:00-05:00").add("speed", 6))
                .add("answer", Json.createObjectBuilder().add("component", "session-cache")
                        .add("fix", "session-cache-eviction"))
                .add("followUp", Json.createArrayBuilder().add("Which alert would have warned earlier?")
                        .add("What would have shown the leak in code review?"))
                .add("patches", Json.createArrayBuilder()
                        .add(patch("session-cache-eviction", "code", false))
                        .add(patch("heap-512m", "jvm", true))
                        .add(patch("deals-index", "code", false)))
                .add("rubric", Json.createObjectBuilder()
                        .add("weights", Json.createObjectBuilder().add("triage", 10).add("mitigation", 20)
                                .add("evidence", 20).add("diagnosis", 20).add("fix", 15).add("communication", 10)
                                .add("followUp", 5))
                        .add("targets", Json.createObjectBuilder().add("acknowledge", "5m").add("firstUpdate", "10m")
                                .add("diagnose", "60m").add("mitigate", "45m").add("resolve", "85m")
                                .add("verifyFlat", "10m"))
                        .add("sloUsersAffected", 0.1)
                        .add("flatTolerance", 0.03));
    }

    private static JsonObjectBuilder patch(String id, String kind, boolean bandAid) {
        return Json.createObjectBuilder().add("id", id).add("kind", kind).add("bandAid", bandAid);
    }

    TranscriptBuilder scenario(JsonObject scenario) {
        this.scenario = scenario;
        return this;
    }

    /** Edits the header after the earlier edits, so a helper can add fields to a drill's own header edits. */
    TranscriptBuilder header(UnaryOperator<JsonObjectBuilder> edit) {
        UnaryOperator<JsonObjectBuilder> earlier = headerEdit;
        this.headerEdit = h -> edit.apply(earlier.apply(h));
        return this;
    }

    TranscriptBuilder event(double at, String type, JsonObjectBuilder fields) {
        events.add(new Pending(at, type, fields.build()));
        return this;
    }

    TranscriptBuilder alert(double at, String id, String state) {
        return event(at, "alert", Json.createObjectBuilder().add("alert", id).add("rule", "old-gen-high")
                .add("state", state).add("severity", "page").add("summary", "old gen high").add("value", 0.8));
    }

    TranscriptBuilder ack(double at, String... alerts) {
        return event(at, "ack", Json.createObjectBuilder().add("alerts", Json.createArrayBuilder(List.of(alerts))));
    }

    TranscriptBuilder evidence(double at, String kind) {
        return event(at, "evidence", Json.createObjectBuilder().add("kind", kind).add("id", kind + "-" + (int) at));
    }

    /** A diff in which these classes grew. */
    TranscriptBuilder diff(double at, String... growing) {
        return event(at, "evidence", Json.createObjectBuilder().add("kind", "histogram-diff")
                .add("id", "diff-" + (int) at).add("growing", Json.createArrayBuilder(List.of(growing))));
    }

    /** A `heap roots` answer whose first path is this chain. */
    TranscriptBuilder roots(double at, String chain) {
        return event(at, "evidence", Json.createObjectBuilder().add("kind", "roots").add("id", "roots-" + (int) at)
                .add("paths", 1).add("chain", chain));
    }

    TranscriptBuilder diagnose(double at, String component, String pattern) {
        return event(at, "diagnose", Json.createObjectBuilder().add("component", component).add("pattern", pattern));
    }

    TranscriptBuilder update(double at, String text) {
        return event(at, "update", Json.createObjectBuilder().add("text", text));
    }

    TranscriptBuilder diagnose(double at, String component) {
        return event(at, "diagnose", Json.createObjectBuilder().add("component", component));
    }

    TranscriptBuilder deploy(double at, String patch, String kind) {
        return event(at, "deploy", Json.createObjectBuilder().add("patch", patch).add("kind", kind));
    }

    TranscriptBuilder restart(double at, String reason) {
        return event(at, "restart", Json.createObjectBuilder().add("reason", reason).add("pid", 4242));
    }

    TranscriptBuilder answer(double at, int question, String text) {
        return event(at, "followup-answer", Json.createObjectBuilder().add("question", question).add("text", text));
    }

    TranscriptBuilder actionItem(double at, String text) {
        return event(at, "action-item", Json.createObjectBuilder().add("text", text));
    }

    /** A proposed alert rule, as the postmortem records it once it has parsed. */
    TranscriptBuilder alertProposal(double at, String metric, String comparison, double threshold,
            double forSeconds) {
        return event(at, "alert-proposal", Json.createObjectBuilder()
                .add("expr", metric + " " + comparison + " " + threshold).add("metric", metric)
                .add("comparison", comparison).add("threshold", threshold).add("forSeconds", forSeconds)
                .add("for", forSeconds > 0 ? (int) forSeconds + "s" : ""));
    }

    TranscriptBuilder end(double at, String reason) {
        return event(at, "end", Json.createObjectBuilder().add("reason", reason));
    }

    TranscriptBuilder sample(double at, double usersAffected, boolean crmUp, double oldAfterGc) {
        return event(at, "sample", Json.createObjectBuilder().add("crmUp", crmUp).add("usersAffected", usersAffected)
                .add("oldAfterGc", oldAfterGc).add("oldMax", OLD_MAX).add("oldAfterGcRatio", oldAfterGc / OLD_MAX));
    }

    /** Samples every {@code step} seconds over [from, to]; the CRM counts as up unless usersAffected is 1. */
    TranscriptBuilder samples(double from, double to, double step, DoubleUnaryOperator usersAffected,
            DoubleUnaryOperator oldAfterGc) {
        for (double at = from; at <= to; at += step) {
            double users = usersAffected.applyAsDouble(at);
            sample(at, users, users < 1.0, oldAfterGc.applyAsDouble(at));
        }
        return this;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(headerEdit.apply(Json.createObjectBuilder()
                .add("type", "drill").add("format", 1).add("seq", 0).add("leakdrill", "0.1.0").add("java", "17.0.15")
                .add("drillId", "test-drill").add("trainee", "alice").add("seed", 42).add("speed", 6.0)
                .add("incidentStart", "2021-08-12T15:45:00-05:00").add("realStart", "2026-11-24T09:58:00.123Z")
                .add("leak", LEAK)
                .add("scenario", scenario)).build().toString());
        List<Pending> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(Pending::at));
        long seq = 0;
        for (Pending event : sorted) {
            seq++;
            JsonObjectBuilder line = Json.createObjectBuilder().add("seq", seq).add("type", event.type())
                    .add("at", event.at()).add("clock", START.plusSeconds((long) event.at()).format(CLOCK))
                    .add("real", 1_700_000_000_000L + (long) (event.at() * 1000 / 6));
            event.fields().forEach(line::add);
            lines.add(line.build().toString());
        }
        return lines;
    }

    /** The lines a drill that crashed just before it ended would have left: everything before the {@code end} event. */
    List<String> linesBeforeEnd() {
        List<String> lines = lines();
        int end = 0;
        while (end < lines.size() && !lines.get(end).contains("\"type\":\"end\"")) {
            end++;
        }
        return lines.subList(0, end);
    }

    String text() {
        return String.join("\n", lines()) + "\n";
    }

    Transcript transcript() {
        return Transcript.parse(new StringReader(text()));
    }

    Scorecard grade() {
        return Grader.grade(transcript());
    }

    private record Pending(double at, String type, JsonObject fields) {
    }
}
