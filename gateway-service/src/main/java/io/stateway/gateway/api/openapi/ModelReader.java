package io.stateway.gateway.api.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the models ({@code components/schemas}, or {@code definitions} in Swagger 2.0) and turns every
 * reference to a model into {@code #/definitions/<name>}, the form the validator resolves.
 */
final class ModelReader {

    /** References API Gateway accepts between models: local ones and its own model URLs. */
    private static final Pattern MODEL_REF = Pattern.compile(
            "#/components/schemas/([^/]+)|#/definitions/([^/]+)|https?://apigateway\\.[^/]+/restapis/[^/]+/models/([^/]+)");

    private final Findings findings;
    private final Map<String, JsonNode> models = new LinkedHashMap<>();
    private final Map<String, String> locations = new LinkedHashMap<>();
    private int inlineCount;

    ModelReader(Findings findings) {
        this.findings = findings;
    }

    /** Reads the document's models; call before resolving any reference. */
    void read(JsonNode document, boolean swagger) {
        String location = swagger ? "/definitions" : "/components/schemas";
        JsonNode schemas = swagger
                ? document.get("definitions")
                : document.path("components").get("schemas");
        if (schemas == null || schemas.isNull()) {
            return;
        }
        if (!schemas.isObject()) {
            findings.error(location, "must be an object of models");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : schemas.properties()) {
            String here = Findings.pointer(location, entry.getKey());
            if (!entry.getValue().isObject()) {
                findings.error(here, "A model must be a JSON Schema object");
                continue;
            }
            locations.put(entry.getKey(), here);
            models.put(entry.getKey(), entry.getValue());
        }
        // Rewrite after all names are known, so that forward references resolve.
        models.replaceAll((name, schema) -> rewrite(schema, locations.get(name)));
    }

    /**
     * The model a body schema stands for: the referenced model, or a new model made of an inline schema.
     */
    Optional<String> modelFor(JsonNode schema, String location, String inlineName) {
        if (!schema.isObject()) {
            findings.error(location, "must be a schema object");
            return Optional.empty();
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && schema.size() == 1) {
            return referencedModel(ref.asString(), Findings.pointer(location, "$ref"));
        }
        String name = inlineName + (++inlineCount);
        locations.put(name, location);
        models.put(name, rewrite(schema, location));
        return Optional.of(name);
    }

    Map<String, JsonNode> models() {
        return models;
    }

    /** Where each model was read, for findings about it. */
    String locationOf(String model) {
        return locations.getOrDefault(model, "");
    }

    private Optional<String> referencedModel(String ref, String location) {
        Matcher matcher = MODEL_REF.matcher(ref);
        if (!matcher.matches()) {
            findings.error(location, "Only references to models of this API are supported: " + ref);
            return Optional.empty();
        }
        String name = matcher.group(1) != null
                ? matcher.group(1)
                : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        if (!models.containsKey(name)) {
            findings.error(location, "Invalid model name specified: " + name);
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private JsonNode rewrite(JsonNode node, String location) {
        JsonNode copy = node.deepCopy();
        rewriteInPlace(copy, location);
        return copy;
    }

    private void rewriteInPlace(JsonNode node, String location) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString()) {
                referencedModel(ref.asString(), Findings.pointer(location, "$ref"))
                        .ifPresent(name -> object.put("$ref", "#/definitions/" + name));
            }
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (!entry.getKey().equals("$ref")) {
                    rewriteInPlace(entry.getValue(), Findings.pointer(location, entry.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rewriteInPlace(node.get(i), location + "/" + i);
            }
        }
    }
}
