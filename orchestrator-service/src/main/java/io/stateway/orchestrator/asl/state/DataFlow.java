package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The steps every state shares: JSONPath's {@code InputPath}, {@code Parameters},
 * {@code ResultSelector}, {@code ResultPath}, {@code OutputPath}; JSONata's {@code Output}; and
 * {@code Assign} in both dialects. Each step is skipped when its field is absent.
 */
final class DataFlow {

    private DataFlow() {}

    /** {@code InputPath} applied to the raw input. */
    static JsonNode effectiveInput(JsonPathIo io, StateContext context) {
        JsonNode input = context.input();
        return io.inputPath() == null ? input : io.inputPath().require(context.scope(input));
    }

    /** {@code Parameters} applied to the effective input. */
    static JsonNode parameters(JsonPathIo io, StateContext context, JsonNode effectiveInput) {
        return io.parameters() == null ? effectiveInput : io.parameters().evaluate(context.scope(effectiveInput));
    }

    /** {@code ResultSelector} applied to a task, Map or Parallel result. */
    static JsonNode selectResult(JsonPathIo io, StateContext context, JsonNode result) {
        return io.resultSelector() == null ? result : io.resultSelector().evaluate(context.scope(result));
    }

    /** {@code ResultPath} then {@code OutputPath}: the state output. */
    static JsonNode output(JsonPathIo io, StateContext context, JsonNode result) {
        JsonNode combined = io.resultPath() == null ? result : io.resultPath().apply(context.input(), result);
        return io.outputPath() == null ? combined : io.outputPath().require(context.scope(combined));
    }

    /** JSONata's {@code Output}, or {@code fallback} when the state declares none. */
    static JsonNode jsonataOutput(
            JsonataTemplate output, StateContext context, JsonNode result, JsonNode errorOutput, JsonNode fallback) {
        return output == null ? fallback : output.evaluate(context.jsonataScope(result, errorOutput));
    }

    /** The variables {@code Assign} sets; JSONPath sees the result as {@code $}. */
    static Map<String, JsonNode> assigned(Assign assign, StateContext context, JsonNode result) {
        if (assign == null) {
            return Map.of();
        }
        return switch (assign) {
            case Assign.JsonPath path -> Assign.evaluate(path, context.scope(result), null);
            case Assign.Jsonata jsonata -> Assign.evaluate(jsonata, null, context.jsonataScope(result, null));
        };
    }
}
