package io.stateway.orchestrator.asl.state;

import tools.jackson.databind.JsonNode;

/** JSON type names as AWS's error messages spell them. */
final class JsonTypes {

    private JsonTypes() {}

    static String name(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> "undefined";
        };
    }
}
