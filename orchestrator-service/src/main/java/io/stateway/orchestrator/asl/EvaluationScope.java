package io.stateway.orchestrator.asl;

import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * What an expression can see: the effective input ({@code $}), the context object ({@code $$}),
 * the variables in scope ({@code $name}) and the source of randomness. The context object is
 * built only if an expression asks for it: most states never read {@code $$}.
 */
public final class EvaluationScope {

    private final JsonNode input;
    private final Supplier<JsonNode> context;
    private final Map<String, JsonNode> variables;
    private final RandomSource random;

    public EvaluationScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables, RandomSource random) {
        this(input, () -> context, variables, random);
    }

    public EvaluationScope(
            JsonNode input, Supplier<JsonNode> context, Map<String, JsonNode> variables, RandomSource random) {
        this.input = input;
        this.context = context;
        this.variables = variables;
        this.random = random;
    }

    public JsonNode input() {
        return input;
    }

    public JsonNode context() {
        return context.get();
    }

    public Map<String, JsonNode> variables() {
        return variables;
    }

    public RandomSource random() {
        return random;
    }
}
