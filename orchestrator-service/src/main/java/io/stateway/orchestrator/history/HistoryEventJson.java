package io.stateway.orchestrator.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stateway.model.history.HistoryEvent;
import java.time.Instant;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * History events in AWS's {@code GetExecutionHistory} shape: {@code id}, {@code previousEventId},
 * {@code timestamp}, {@code type} and the type's details object, without null members.
 */
public final class HistoryEventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private HistoryEventJson() {}

    /**
     * @param timestamp how the protocol writes timestamps (epoch seconds for AWS JSON 1.0, ISO-8601
     *     for the REST API), or {@code null} to leave them out
     */
    public static ObjectNode toJson(HistoryEvent event, Function<Instant, JsonNode> timestamp) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", event.id());
        json.put("previousEventId", event.previousEventId());
        if (timestamp != null) {
            json.set("timestamp", timestamp.apply(event.timestamp()));
        }
        json.put("type", event.type().name());
        if (event.details() != null && event.type().detailsKey() != null) {
            json.set(event.type().detailsKey(), MAPPER.valueToTree(event.details()));
        }
        return json;
    }

    /** The details object alone, as stored and served. */
    public static JsonNode details(HistoryEvent event) {
        return event.details() == null ? null : MAPPER.valueToTree(event.details());
    }
}
