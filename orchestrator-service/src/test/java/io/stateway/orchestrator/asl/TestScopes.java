package io.stateway.orchestrator.asl;

import io.stateway.orchestrator.asl.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Evaluation scopes for expression tests, built from JSON text. */
public final class TestScopes {

    /** Randomness that replays a fixed sequence, so tests can assert exact values. */
    public record FixedRandom(double value, UUID uuid) implements RandomSource {
        @Override
        public double nextDouble() {
            return value;
        }

        @Override
        public UUID nextUuid() {
            return uuid;
        }
    }

    public static final FixedRandom RANDOM =
            new FixedRandom(0.5, UUID.fromString("7f1c8a52-3b5e-4a1d-9c0e-2d4f6b8a1c3e"));

    private TestScopes() {}

    public static EvaluationScope input(String inputJson) {
        return scope(inputJson, "{}", Map.of());
    }

    public static EvaluationScope scope(String inputJson, String contextJson, Map<String, String> variablesJson) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        variablesJson.forEach((name, json) -> variables.put(name, Json.parse(json)));
        return new EvaluationScope(Json.parse(inputJson), Json.parse(contextJson), variables, RANDOM);
    }

    public static JsonNode json(String text) {
        return Json.parse(text);
    }
}
