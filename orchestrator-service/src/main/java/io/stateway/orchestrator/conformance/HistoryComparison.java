package io.stateway.orchestrator.conformance;

import io.stateway.orchestrator.asl.json.Json;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares a history with the one AWS recorded, event by event, after parsing the members that AWS
 * reports as JSON text (the corpus stores them parsed).
 */
final class HistoryComparison {

    private static final Set<String> JSON_TEXT_MEMBERS = Set.of("input", "output", "parameters");

    private HistoryComparison() {}

    /** {@code null} when they match, else the first difference. */
    static String mismatch(JsonNode expected, List<ObjectNode> actual) {
        if (expected.size() != actual.size()) {
            return "history: expected " + expected.size() + " events but was " + actual.size() + " ("
                    + firstTypeDifference(expected, actual) + ")";
        }
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            ObjectNode got = comparable(actual.get(i).deepCopy(), want);
            String reason = ExpectedValue.mismatch(
                    want, got, "event " + (i + 1) + " " + want.path("type").asString());
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static String firstTypeDifference(JsonNode expected, List<ObjectNode> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            String want = expected.get(i).path("type").asString();
            String got = actual.get(i).path("type").asString();
            if (!want.equals(got)) {
                return "event " + (i + 1) + ": expected " + want + " but was " + got;
            }
        }
        return expected.size() > actual.size()
                ? "missing " + expected.get(actual.size()).path("type").asString()
                : "extra " + actual.get(expected.size()).path("type").asString();
    }

    /** The event with its JSON text members parsed, as the corpus stores them. */
    private static ObjectNode comparable(ObjectNode event, JsonNode expected) {
        for (var member : event.properties()) {
            if (member.getValue() instanceof ObjectNode details) {
                JsonNode expectedDetails = expected.path(member.getKey());
                for (String name : JSON_TEXT_MEMBERS) {
                    if (details.has(name) && details.get(name).isString()) {
                        details.set(name, parse(details.get(name).stringValue()));
                    }
                }
                if (details.get("assignedVariables") instanceof ObjectNode variables) {
                    for (var variable : variables.properties()) {
                        variable.setValue(parse(variable.getValue().stringValue()));
                    }
                }
                if (details.has("cause") && expectedDetails.path("cause").isObject()) {
                    details.set("cause", parse(details.get("cause").stringValue()));
                }
            }
        }
        return event;
    }

    static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (JacksonException e) {
            return Json.NODES.stringNode(text);
        }
    }
}
