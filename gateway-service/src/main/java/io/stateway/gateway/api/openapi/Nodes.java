package io.stateway.gateway.api.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Typed reads from a document tree that record a finding when the type is wrong. */
final class Nodes {

    private Nodes() {}

    static Optional<String> text(JsonNode parent, String field, String location, Findings findings) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isBinary()) {
            findings.error(Findings.pointer(location, field), "must be a string");
            return Optional.empty();
        }
        return Optional.of(node.asString());
    }

    static Optional<Boolean> bool(JsonNode parent, String field, String location, Findings findings) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isString()
                && (node.asString().equalsIgnoreCase("true") || node.asString().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(node.asString()));
        }
        findings.error(Findings.pointer(location, field), "must be true or false");
        return Optional.empty();
    }

    static Optional<Integer> integer(JsonNode parent, String field, String location, Findings findings) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        if (node.isString()) {
            try {
                return Optional.of(Integer.parseInt(node.asString().trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        findings.error(Findings.pointer(location, field), "must be an integer");
        return Optional.empty();
    }

    /** An object member, or empty (with a finding if present but not an object). */
    static Optional<JsonNode> object(JsonNode parent, String field, String location, Findings findings) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            findings.error(Findings.pointer(location, field), "must be an object");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /** An object of strings, in document order; non-string values are findings. */
    static Map<String, String> stringMap(JsonNode parent, String field, String location, Findings findings) {
        Map<String, String> result = new LinkedHashMap<>();
        object(parent, field, location, findings).ifPresent(object -> {
            String here = Findings.pointer(location, field);
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                JsonNode value = entry.getValue();
                if (value.isValueNode() && !value.isNull()) {
                    result.put(entry.getKey(), value.asString());
                } else {
                    findings.error(Findings.pointer(here, entry.getKey()), "must be a string");
                }
            }
        });
        return result;
    }
}
