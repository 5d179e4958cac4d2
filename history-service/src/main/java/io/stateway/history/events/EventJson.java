package io.stateway.history.events;

import io.stateway.model.history.HistoryEventType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes history events in AWS's {@code GetExecutionHistory} shape, member for member as the
 * orchestrator's own API writes them ({@code timestamp}, {@code type}, {@code id}, {@code
 * previousEventId}, the type's details member), through the service's JSON mapper so that
 * timestamps and strings come out byte for byte the same. The stored details are streamed into
 * the output, never bound to objects.
 */
@Component
public final class EventJson {

    /** What {@code includeExecutionData: false} leaves out of the details, as the orchestrator. */
    private static final Set<String> EXECUTION_DATA =
            Set.of("input", "inputDetails", "output", "outputDetails", "parameters");

    private static final Map<String, String> DETAILS_KEYS = new ConcurrentHashMap<>();

    private final JsonMapper mapper;

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes one event as a JSON object. */
    public void write(JsonGenerator out, StoredEvent event, boolean includeExecutionData) {
        out.writeStartObject();
        out.writeName("timestamp");
        out.writePOJO(event.timestamp());
        out.writeStringProperty("type", event.type());
        out.writeNumberProperty("id", event.id());
        out.writeNumberProperty("previousEventId", event.previousEventId());
        String key = detailsKey(event.type());
        if (event.details() != null && key != null) {
            out.writeName(key);
            try (JsonParser details = mapper.createParser(event.details())) {
                details.nextToken();
                if (includeExecutionData || details.currentToken() != JsonToken.START_OBJECT) {
                    out.copyCurrentStructure(details);
                } else {
                    copyWithoutData(details, out);
                }
            }
        }
        out.writeEndObject();
    }

    private static void copyWithoutData(JsonParser details, JsonGenerator out) {
        out.writeStartObject();
        while (details.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = details.currentName();
            details.nextToken();
            if (EXECUTION_DATA.contains(name)) {
                details.skipChildren();
            } else {
                out.writeName(name);
                out.copyCurrentStructure(details);
            }
        }
        out.writeEndObject();
    }

    /** The details member of a type, or {@code null}; a type newer than this service gets AWS's naming. */
    static String detailsKey(String type) {
        return DETAILS_KEYS
                .computeIfAbsent(type, t -> {
                    try {
                        String key = HistoryEventType.valueOf(t).detailsKey();
                        return key == null ? "" : key;
                    } catch (IllegalArgumentException newerType) {
                        return t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1) + "EventDetails";
                    }
                })
                .transform(key -> key.isEmpty() ? null : key);
    }
}
