package io.stateway.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void validate_recursiveModels_followReferencesBothWays() {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        models.put("Person", JSON.readTree("""
                {"type":"object","properties":{"name":{"type":"string"},"b":{"type":"number"},
                 "house":{"$ref":"#/definitions/House"}},"required":["name","b"]}"""));
        models.put("House", JSON.readTree("""
                {"type":"object","properties":{"randomProperty":{"type":"string","format":"byte"},
                 "contains":{"type":"array","items":{"$ref":"#/definitions/Person"},"minItems":1}}}"""));
        ModelSchemas schemas = ModelSchemas.compile("api", models);

        assertThat(schemas.schema("Person").orElseThrow().validate(JSON.readTree("""
                {"name":"P1","b":2,"house":{"randomProperty":"not base64!","contains":[{"name":"P2","b":3}]}}""")))
                .isEmpty();
        assertThat(schemas.schema("Person").orElseThrow().validate(JSON.readTree("""
                {"name":"P1","b":2,"house":{"contains":[{"randomObject":"x"}]}}""")))
                .isNotEmpty();
    }

    @Test
    void validate_oneOfNullOrReference_acceptsBoth() {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        models.put("Status", JSON.readTree("""
                {"type":"object","properties":{"Status":{"type":"string"},"Order":{"type":"integer"}},
                 "required":["Status","Order"]}"""));
        models.put("Test", JSON.readTree("""
                {"type":"object","properties":{"status":{"oneOf":[{"type":"null"},{"$ref":"#/definitions/Status"}]}},
                 "required":["status"]}"""));
        var schema = ModelSchemas.compile("api", models).schema("Test").orElseThrow();

        assertThat(schema.validate(JSON.readTree("{\"status\": null}"))).isEmpty();
        assertThat(schema.validate(JSON.readTree("{\"status\": {\"Status\": \"works\", \"Order\": 1}}")))
                .isEmpty();
        assertThat(schema.validate(JSON.readTree("{\"badFormat\": \"bla\"}"))).isNotEmpty();
    }

    @Test
    void problem_unresolvableReference_isReported() {
        Map<String, JsonNode> models = Map.of("A", JSON.readTree("{\"$ref\":\"#/definitions/Missing\"}"));

        assertThat(ModelSchemas.problem("A", models)).isPresent();
    }
}
