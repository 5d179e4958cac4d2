package io.stateway.orchestrator.asl.engine;

import io.stateway.orchestrator.asl.json.Json;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variables a cursor sees: its own, and a read-only copy of the enclosing scopes' taken when a
 * Parallel branch or Map iteration started. Immutable: {@link #assign} returns a new value.
 */
public record Variables(ObjectNode own, ObjectNode outer) {

    public static final Variables NONE = new Variables(Json.NODES.objectNode(), Json.NODES.objectNode());

    public Variables assign(Map<String, JsonNode> assigned) {
        if (assigned.isEmpty()) {
            return this;
        }
        ObjectNode updated = own.deepCopy();
        assigned.forEach(updated::set);
        return new Variables(updated, outer);
    }

    /** The scope a child flow starts with: everything visible here, read-only there. */
    public Variables forChild() {
        if (own.isEmpty()) {
            return new Variables(Json.NODES.objectNode(), outer);
        }
        ObjectNode visible = outer.deepCopy();
        visible.setAll(own);
        return new Variables(Json.NODES.objectNode(), visible);
    }

    /** A map view of every visible variable, inner scope first. */
    public Map<String, JsonNode> view() {
        if (outer.isEmpty()) {
            return new NodeMap(own);
        }
        if (own.isEmpty()) {
            return new NodeMap(outer);
        }
        Map<String, JsonNode> all = new LinkedHashMap<>();
        outer.properties().forEach(e -> all.put(e.getKey(), e.getValue()));
        own.properties().forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    /** A read-only map over an object's members, without copying them. */
    private static final class NodeMap extends AbstractMap<String, JsonNode> {
        private final ObjectNode node;

        NodeMap(ObjectNode node) {
            this.node = node;
        }

        @Override
        public JsonNode get(Object key) {
            return key instanceof String name ? node.get(name) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && node.has(name);
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return node.properties();
        }
    }
}
