package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code States.StringToJson}, {@code States.JsonToString} and {@code States.JsonMerge}. */
final class JsonFunctions {

    private JsonFunctions() {}

    /** Parses JSON text; a blank string gives null, as on AWS. */
    static JsonNode stringToJson(Arguments arguments) {
        String text = arguments.string(0);
        if (text.isBlank()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (JacksonException e) {
            throw arguments.fail("the string is not valid JSON: " + text);
        }
    }

    static JsonNode jsonToString(Arguments arguments) {
        return Json.NODES.stringNode(Json.text(arguments.get(0)));
    }

    /** A shallow merge where the second object's keys win; AWS supports no deep merge. */
    static JsonNode merge(Arguments arguments) {
        ObjectNode first = (ObjectNode) arguments.object(0);
        ObjectNode second = (ObjectNode) arguments.object(1);
        if (arguments.bool(2)) {
            throw arguments.fail("only a shallow merge is supported, the third argument must be false");
        }
        ObjectNode merged = Json.NODES.objectNode();
        merged.setAll(first);
        merged.setAll(second);
        return merged;
    }
}
