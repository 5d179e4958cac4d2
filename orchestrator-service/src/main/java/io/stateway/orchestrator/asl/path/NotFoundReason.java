package io.stateway.orchestrator.asl.path;

import io.stateway.orchestrator.asl.json.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Why a definite path selects nothing, in the words of Jayway's PathNotFoundException, which AWS quotes in
 * causes such as {@code Invalid path '$.a.b' : Missing property in path $['a']}. Only computed on failure.
 */
final class NotFoundReason {

    private static final String PROVIDER = "com.jayway.jsonpath.spi.json.JsonSmartJsonProvider";

    private NotFoundReason() {}

    static String of(List<Segment> segments, JsonNode document) {
        String full = "$" + fragments(segments, 0);
        StringBuilder current = new StringBuilder("$");
        JsonNode node = document == null ? Json.NODES.nullNode() : document;
        int last = segments.size() - 1;
        for (int i = 0; i <= last; i++) {
            switch (segments.get(i)) {
                case Segment.Property property -> {
                    if (!node.isObject()) {
                        return "Expected to find an object with property " + property.fragment() + " in path "
                                + current + " but found '" + javaClass(node)
                                + "'. This is not a json object according to the JsonProvider: '" + PROVIDER + "'.";
                    }
                    if (property.names().size() > 1) {
                        return "No results for path: " + full;
                    }
                    String name = property.names().getFirst();
                    current.append("['").append(name).append("']");
                    node = node.get(name);
                    if (node == null) {
                        return i == last ? "No results for path: " + full : "Missing property in path " + current;
                    }
                }
                case Segment.Index index -> {
                    if (node.isNull()) {
                        return "The path " + current + " is null";
                    }
                    if (!node.isArray()) {
                        return "Filter: " + fragments(segments, i)
                                + " can only be applied to arrays. Current context is: " + modelText(node);
                    }
                    int at = index.indexes().getFirst();
                    int effective = at < 0 ? node.size() + at : at;
                    if (effective < 0 || effective >= node.size()) {
                        return "No results for path: " + full;
                    }
                    current.append('[').append(at).append(']');
                    node = node.get(effective);
                }
                case Segment.Function function -> {
                    return "Function " + function.name() + "() is not supported";
                }
                default -> {
                    return "No results for path: " + full;
                }
            }
        }
        return "No results for path: " + full;
    }

    private static String fragments(List<Segment> segments, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < segments.size(); i++) {
            text.append(segments.get(i).fragment());
        }
        return text.toString();
    }

    /** The Java class json-smart would hold this value in. */
    private static String javaClass(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "net.minidev.json.JSONArray";
        }
        if (node.isString()) {
            return "java.lang.String";
        }
        if (node.isBoolean()) {
            return "java.lang.Boolean";
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt()
                    ? "java.lang.Integer"
                    : node.canConvertToLong() ? "java.lang.Long" : "java.math.BigInteger";
        }
        return "java.lang.Double";
    }

    private static String modelText(JsonNode node) {
        return node.isString() ? node.stringValue() : Json.text(node);
    }
}
