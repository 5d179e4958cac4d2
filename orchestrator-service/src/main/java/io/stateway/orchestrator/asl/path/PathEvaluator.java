package io.stateway.orchestrator.asl.path;

import io.stateway.orchestrator.asl.json.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks compiled segments over a JSON tree with Jayway's semantics. Definite paths take an allocation-free loop;
 * indefinite ones collect every match, skipping whatever is missing, as Step Functions does (a slice over a
 * missing array yields {@code []}).
 */
final class PathEvaluator {

    private PathEvaluator() {}

    static boolean isDefinite(List<Segment> segments) {
        int last = segments.size() - 1;
        for (int i = 0; i <= last; i++) {
            if (!segments.get(i).definite(i == last)) {
                return false;
            }
        }
        return true;
    }

    static boolean hasFunction(List<Segment> segments) {
        for (Segment segment : segments) {
            if (segment instanceof Segment.Function) {
                return true;
            }
        }
        return false;
    }

    /** The node a definite path selects, or null when it selects nothing. */
    static JsonNode readDefinite(List<Segment> segments, JsonNode document) {
        JsonNode node = document;
        int last = segments.size() - 1;
        for (int i = 0; i <= last && node != null; i++) {
            node = switch (segments.get(i)) {
                case Segment.Property property
                when property.names().size() == 1 ->
                    node.isObject() ? node.get(property.names().getFirst()) : null;
                case Segment.Property property -> node.isObject() ? merge(node, property.names()) : null;
                case Segment.Index index -> element(node, index.indexes().getFirst());
                case Segment.Function function -> null;
                case Segment.Slice s -> throw indefinite();
                case Segment.Wildcard w -> throw indefinite();
                case Segment.Scan s -> throw indefinite();
                case Segment.Filter f -> throw indefinite();
            };
        }
        return node;
    }

    /** Every node an indefinite path without functions selects, in Jayway's order. */
    static ArrayNode readAll(List<Segment> segments, JsonNode document, JsonNode root) {
        ArrayNode results = Json.NODES.arrayNode();
        if (document != null) {
            new Walk(segments, root, results).step(0, document);
        }
        return results;
    }

    private static ObjectNode merge(JsonNode node, List<String> names) {
        ObjectNode merged = Json.NODES.objectNode();
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null) {
                merged.set(name, value);
            }
        }
        return merged;
    }

    /** Jayway counts a negative index from the end; out of range finds nothing. */
    private static JsonNode element(JsonNode node, int index) {
        if (!node.isArray()) {
            return null;
        }
        int effective = index < 0 ? node.size() + index : index;
        return effective >= 0 && effective < node.size() ? node.get(effective) : null;
    }

    private static IllegalStateException indefinite() {
        return new IllegalStateException("an indefinite segment in a definite path");
    }

    /** One evaluation of an indefinite path. */
    private record Walk(List<Segment> segments, JsonNode root, ArrayNode results) {

        void step(int at, JsonNode node) {
            if (at == segments.size()) {
                results.add(node);
                return;
            }
            boolean leaf = at == segments.size() - 1;
            switch (segments.get(at)) {
                case Segment.Property property -> property(at, leaf, property, node);
                case Segment.Index index -> {
                    for (int i : index.indexes()) {
                        stepInto(at, element(node, i));
                    }
                }
                case Segment.Slice slice -> slice(at, slice, node);
                case Segment.Wildcard wildcard -> {
                    if (node.isContainer()) {
                        for (JsonNode child : node.values()) {
                            step(at + 1, child);
                        }
                    }
                }
                case Segment.Scan scan -> scan(at + 1, node);
                case Segment.Filter filter -> filter(at, filter.expression(), node);
                case Segment.Function function -> throw new IllegalStateException("functions are not evaluated");
            }
        }

        private void stepInto(int at, JsonNode child) {
            if (child != null) {
                step(at + 1, child);
            }
        }

        private void property(int at, boolean leaf, Segment.Property property, JsonNode node) {
            if (!node.isObject()) {
                return;
            }
            if (leaf && property.names().size() > 1) {
                results.add(merge(node, property.names()));
                return;
            }
            for (String name : property.names()) {
                stepInto(at, node.get(name));
            }
        }

        /** Jayway's three slice forms, including its handling of negative bounds. */
        private void slice(int at, Segment.Slice slice, JsonNode node) {
            if (!node.isArray()) {
                return;
            }
            int length = node.size();
            if (length == 0) {
                return;
            }
            int from;
            int to;
            if (slice.to() == null) {
                from = slice.from() < 0 ? Math.max(0, length + slice.from()) : slice.from();
                to = length;
            } else if (slice.from() == null) {
                from = 0;
                to = Math.min(length, slice.to() < 0 ? length + slice.to() : slice.to());
            } else {
                from = slice.from();
                to = Math.min(length, slice.to());
            }
            for (int i = from; i < to; i++) {
                stepInto(at, element(node, i));
            }
        }

        private void filter(int at, FilterExpression expression, JsonNode node) {
            if (node.isObject()) {
                if (expression.test(node, root)) {
                    step(at + 1, node);
                }
            } else if (node.isArray()) {
                for (JsonNode element : node.values()) {
                    if (expression.test(element, root)) {
                        step(at + 1, element);
                    }
                }
            }
        }

        /**
         * {@code ..}: Jayway's deep scan. At every node where the next segment can apply it is applied, then the
         * scan descends into the children; at an array whose next segment is not the last, the segment after it
         * is applied to each element.
         */
        private void scan(int target, JsonNode node) {
            Segment segment = segments.get(target);
            boolean leaf = target == segments.size() - 1;
            if (node.isObject()) {
                if (applies(segment, leaf, node)) {
                    step(target, node);
                }
                for (Map.Entry<String, JsonNode> child : node.properties()) {
                    scan(target, child.getValue());
                }
            } else if (node.isArray()) {
                if (applies(segment, leaf, node)) {
                    if (leaf) {
                        step(target, node);
                    } else {
                        for (JsonNode element : node.values()) {
                            step(target + 1, element);
                        }
                    }
                }
                for (JsonNode element : node.values()) {
                    scan(target, element);
                }
            }
        }

        private boolean applies(Segment segment, boolean leaf, JsonNode node) {
            return switch (segment) {
                case Segment.Property property ->
                    node.isObject()
                            && (!property.definite(leaf)
                                    || property.names().stream().allMatch(node::has));
                case Segment.Index index -> node.isArray();
                case Segment.Slice slice -> node.isArray();
                case Segment.Wildcard wildcard -> true;
                case Segment.Filter filter -> filter.expression().test(node, root);
                case Segment.Scan scan -> false;
                case Segment.Function function -> false;
            };
        }
    }
}
