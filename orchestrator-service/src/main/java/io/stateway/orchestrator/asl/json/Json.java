package io.stateway.orchestrator.asl.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The engine's one JSON mapper. Values flowing through states are {@link JsonNode} trees; AWS
 * reports them as compact JSON text, which {@link #text(JsonNode)} produces.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** Parses JSON text; throws {@link JacksonException} on malformed text. */
    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    /** Compact JSON text, as AWS renders inputs, outputs and parameters. */
    public static String text(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
