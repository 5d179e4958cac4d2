package io.stateway.gateway.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The models of an API compiled as JSON Schema draft-04 (networknt json-schema-validator). Each model is
 * compiled in a document that also holds every model under {@code definitions}, so that
 * {@code #/definitions/<name>} references (recursive ones too) resolve.
 */
public final class ModelSchemas {

    private final Map<String, Schema> schemas;

    private ModelSchemas(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    /**
     * @throws IllegalArgumentException if a model is not a usable schema (the importer has checked them)
     */
    public static ModelSchemas compile(String apiKey, Map<String, JsonNode> models) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Map<String, Schema> schemas = new LinkedHashMap<>();
        models.forEach((name, model) -> schemas.put(name, compileOne(registry, apiKey, name, models)));
        return new ModelSchemas(schemas);
    }

    /** Why a model is not a usable draft-04 schema, if it is not. */
    public static Optional<String> problem(String name, Map<String, JsonNode> models) {
        try {
            Schema schema =
                    compileOne(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4), "check", name, models);
            // References are resolved lazily: validating once makes unresolvable ones surface here.
            schema.validate(((ObjectNode) models.get(name)).objectNode());
            return Optional.empty();
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    public Optional<Schema> schema(String model) {
        return Optional.ofNullable(schemas.get(model));
    }

    private static Schema compileOne(
            SchemaRegistry registry, String apiKey, String name, Map<String, JsonNode> models) {
        ObjectNode document = ((ObjectNode) models.get(name)).deepCopy();
        ObjectNode definitions = document.objectNode();
        models.forEach(definitions::set);
        document.set("definitions", definitions);
        document.remove("$schema");
        document.remove("id");
        return registry.getSchema(SchemaLocation.of("urn:stateway:" + apiKey + ":model:" + name), document);
    }
}
