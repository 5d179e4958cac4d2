package io.stateway.orchestrator.asl.path;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.json.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code ResultPath}: a definite path from {@code $} made of names and indexes only, which says where a
 * state's result goes in (a copy of) its input. Immutable and thread-safe.
 *
 * <p>Writing copies only the objects and arrays along the path and shares everything else with the input, which
 * is never modified. Missing objects along the way are created; an index must name an existing element.
 */
public final class ReferencePath implements io.stateway.orchestrator.asl.expr.ResultPathExpression {

    private final String text;
    private final List<Segment> segments;

    private ReferencePath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Compiles a reference path.
     *
     * @throws PathSyntaxException when the text is not a path, or not a reference path (it must start with
     *     {@code $}, not {@code $$} or a variable, and select one node by names and indexes)
     */
    public static ReferencePath compile(String text) {
        PathParser.Parsed parsed = PathParser.parse(text);
        if (parsed.root() != JsonPath.Root.INPUT) {
            throw new PathSyntaxException(text, "a reference path must start with '$'");
        }
        for (Segment segment : parsed.segments()) {
            boolean simple = switch (segment) {
                case Segment.Property property -> property.names().size() == 1;
                case Segment.Index index -> index.indexes().size() == 1;
                default -> false;
            };
            if (!simple) {
                throw new PathSyntaxException(text, "a reference path may only hold names and single indexes");
            }
        }
        return new ReferencePath(text, parsed.segments());
    }

    public String text() {
        return text;
    }

    /**
     * The input with {@code result} placed at this path ({@code $} replaces the input entirely).
     *
     * @throws FailureException {@code States.ResultPathMatchFailure} when the input cannot hold the result
     *     there: a value on the way is not an object (or array, for an index), or an index is out of range
     */
    public JsonNode apply(JsonNode input, JsonNode result) {
        JsonNode written = put(input, 0, result);
        if (written == null) {
            throw new FailureException(
                    StatesErrors.RESULT_PATH_MATCH_FAILURE,
                    "Unable to apply ReferencePath " + text + " to input " + Json.text(input));
        }
        return written;
    }

    /** {@code node} with {@code value} written at segment {@code at} and below, or null when it does not fit. */
    private JsonNode put(JsonNode node, int at, JsonNode value) {
        if (at == segments.size()) {
            return value;
        }
        return switch (segments.get(at)) {
            case Segment.Property property ->
                putProperty(node, at, property.names().getFirst(), value);
            case Segment.Index index -> putElement(node, at, index.indexes().getFirst(), value);
            default -> throw new IllegalStateException("not a reference path segment");
        };
    }

    private JsonNode putProperty(JsonNode node, int at, String name, JsonNode value) {
        if (node != null && !node.isObject()) {
            return null;
        }
        JsonNode child = put(node == null ? null : node.get(name), at + 1, value);
        if (child == null) {
            return null;
        }
        ObjectNode copy = Json.NODES.objectNode();
        if (node != null) {
            copy.setAll((ObjectNode) node);
        }
        return copy.set(name, child);
    }

    private JsonNode putElement(JsonNode node, int at, int index, JsonNode value) {
        if (node == null || !node.isArray()) {
            return null;
        }
        int effective = index < 0 ? node.size() + index : index;
        if (effective < 0 || effective >= node.size()) {
            return null;
        }
        JsonNode child = put(node.get(effective), at + 1, value);
        if (child == null) {
            return null;
        }
        ArrayNode copy = Json.NODES.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(effective, child);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferencePath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
