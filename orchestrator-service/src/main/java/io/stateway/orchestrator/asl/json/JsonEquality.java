package io.stateway.orchestrator.asl.json;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Equality of JSON values as AWS's Java engine compares them ({@code States.ArrayContains}, {@code
 * States.ArrayUnique}, JSONPath filters): like Java's boxed values, an integer never equals a decimal ({@code 1}
 * and {@code 1.0} differ), objects compare without regard to key order.
 */
public final class JsonEquality {

    private JsonEquality() {}

    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() != b.isIntegralNumber()) {
                return false;
            }
            return a.isIntegralNumber()
                    ? a.bigIntegerValue().equals(b.bigIntegerValue())
                    : a.doubleValue() == b.doubleValue();
        }
        if (a.isArray() && b.isArray()) {
            return arraysEqual(a, b);
        }
        if (a.isObject() && b.isObject()) {
            return objectsEqual(a, b);
        }
        return a.equals(b);
    }

    private static boolean arraysEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<JsonNode> other = b.values().iterator();
        for (JsonNode element : a.values()) {
            if (!equal(element, other.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> property : a.properties()) {
            JsonNode value = b.get(property.getKey());
            if (value == null || !equal(property.getValue(), value)) {
                return false;
            }
        }
        return true;
    }
}
