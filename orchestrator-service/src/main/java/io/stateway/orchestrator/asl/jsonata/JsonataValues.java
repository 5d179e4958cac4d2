package io.stateway.orchestrator.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import io.stateway.orchestrator.asl.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the engine's {@link JsonNode} trees and the plain Java values (maps, lists,
 * numbers, strings, booleans, {@link Jsonata#NULL_VALUE}) that the JSONata evaluator works on.
 */
final class JsonataValues {

    private JsonataValues() {}

    static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return switch (node.getNodeType()) {
            case NULL -> Jsonata.NULL_VALUE;
            case BOOLEAN -> node.booleanValue();
            case STRING -> node.stringValue();
            case NUMBER -> node.isIntegralNumber() ? integral(node) : (Object) node.doubleValue();
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toJava(element));
                }
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (var field : node.properties()) {
                    map.put(field.getKey(), toJava(field.getValue()));
                }
                yield map;
            }
            default -> node.asString();
        };
    }

    private static Object integral(JsonNode node) {
        return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }

    /**
     * Converts an evaluation result back to JSON. Returns {@code null} for JSONata's "undefined"
     * and throws {@link UnsupportedResultException} for values JSON cannot hold (functions).
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return Json.NODES.stringNode(s);
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.NODES.objectNode();
            for (var entry : map.entrySet()) {
                JsonNode converted = toJson(entry.getValue());
                if (converted != null) {
                    object.set(String.valueOf(entry.getKey()), converted);
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode(list.size());
            for (Object element : list) {
                JsonNode converted = toJson(element);
                if (converted != null) {
                    array.add(converted);
                }
            }
            return array;
        }
        throw new UnsupportedResultException();
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return integral(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return Json.NODES.numberNode(big);
        }
        if (n instanceof BigDecimal decimal) {
            return Json.NODES.numberNode(decimal);
        }
        double d = n.doubleValue();
        // JSONata computes in doubles; integral results are shown as integers, as AWS does.
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return integral((long) d);
        }
        return Json.NODES.numberNode(d);
    }

    /** The node the JSON parser would make for this number, so results compare equal to parsed JSON. */
    private static JsonNode integral(long value) {
        return value == (int) value ? Json.NODES.numberNode((int) value) : Json.NODES.numberNode(value);
    }

    /** A JSONata result that has no JSON form, such as a function. */
    static final class UnsupportedResultException extends RuntimeException {
        UnsupportedResultException() {
            super(null, null, false, false);
        }
    }
}
