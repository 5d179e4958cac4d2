package io.stateway.orchestrator.asl;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What an expression can see: the effective input ({@code $}), the context object ({@code $$}),
 * the variables in scope ({@code $name}) and the source of randomness.
 */
public record EvaluationScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables, RandomSource random) {}
