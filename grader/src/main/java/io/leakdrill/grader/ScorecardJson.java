package io.leakdrill.grader;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Renders a scorecard as JSON with a stable schema: every key is always present (null when a value is unknown),
 * points carry one decimal, and keys keep a fixed order.
 */
public final class ScorecardJson {

    /** Identifies this schema; bump it when a key changes meaning or goes away. */
    public static final String SCHEMA = "leakdrill-scorecard/1";

    private ScorecardJson() {
    }

    public static JsonObject toJson(Scorecard card) {
        JsonArrayBuilder categories = Json.createArrayBuilder();
        for (CategoryScore category : card.categories()) {
            JsonArrayBuilder findings = Json.createArrayBuilder();
            category.findings().forEach(finding -> findings.add(finding(finding)));
            categories.add(Json.createObjectBuilder()
                    .add("name", category.name())
                    .add("points", Decimals.oneDecimal(category.points()))
                    .add("max", Decimals.oneDecimal(category.max()))
                    .add("findings", findings));
        }
        JsonArrayBuilder penalties = Json.createArrayBuilder();
        card.penalties().forEach(penalty -> penalties.add(finding(penalty)));
        JsonArrayBuilder times = Json.createArrayBuilder();
        card.times().forEach(time -> times.add(time(time)));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("schema", SCHEMA)
                .add("scenario", Json.createObjectBuilder().add("id", card.scenarioId())
                        .add("title", card.scenarioTitle()))
                .add("trainee", card.trainee());
        if (card.seed().isPresent()) {
            json.add("seed", card.seed().getAsLong());
        } else {
            json.addNull("seed");
        }
        return json.add("complete", card.complete())
                .add("total", card.total())
                .add("max", card.max())
                .add("level", card.level())
                .add("categories", categories)
                .add("penalties", penalties)
                .add("penaltyPoints",
                        Decimals.oneDecimal(card.penalties().stream().mapToDouble(Finding::points).sum()))
                .add("times", times)
                .build();
    }

    /** Pretty-printed JSON text, ending in a newline. */
    public static String render(Scorecard card) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(toJson(card));
        }
        return text.toString().strip() + "\n";
    }

    private static JsonObjectBuilder finding(Finding finding) {
        return Json.createObjectBuilder()
                .add("points", Decimals.oneDecimal(finding.points()))
                .add("reason", finding.reason())
                .add("events", events(finding.events()));
    }

    private static JsonObjectBuilder time(TimeMetric time) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", time.name())
                .add("reached", time.reached());
        if (time.reached()) {
            json.add("minutes", Decimals.oneDecimal(time.minutes().getAsDouble()));
        } else {
            json.addNull("minutes");
        }
        json.add("at", time.reachedAt().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                .add("targetMinutes", Decimals.oneDecimal(time.targetMinutes()))
                .add("dueBy", time.dueBy().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                .add("onTarget", time.onTarget())
                .add("events", events(time.events()));
        if (time.originalMinutes().isPresent()) {
            json.add("originalMinutes", Decimals.oneDecimal(time.originalMinutes().getAsDouble()));
        }
        return json;
    }

    private static JsonArrayBuilder events(List<EventRef> refs) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (EventRef ref : refs) {
            events.add(Json.createObjectBuilder()
                    .add("seq", ref.seq())
                    .add("at", Decimals.oneDecimal(ref.at()))
                    .add("clock", ref.clock()));
        }
        return events;
    }
}
