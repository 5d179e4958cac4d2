package io.stateway.orchestrator.api.rest;

import io.stateway.orchestrator.asl.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * REST bodies may give a definition or an execution input either as AWS does (JSON text in a
 * string) or as the JSON value itself; the actions take text.
 */
public final class JsonText {

    private JsonText() {}

    /** The text of a member: a string as it is, any other JSON value as compact JSON, absent as null. */
    public static String of(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : Json.text(value);
    }
}
