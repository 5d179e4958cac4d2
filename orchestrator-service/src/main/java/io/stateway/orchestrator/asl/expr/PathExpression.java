package io.stateway.orchestrator.asl.expr;

import io.stateway.orchestrator.asl.EvaluationScope;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A JSONPath in a {@code ...Path} field ({@code InputPath}, {@code ItemsPath}, {@code SecondsPath},
 * ...), rooted at the input ({@code $}), the context object ({@code $$}) or a variable
 * ({@code $name}).
 */
public interface PathExpression {

    /** The path as written in the definition. */
    String text();

    /** The value at this path, or empty if there is none. */
    Optional<JsonNode> read(EvaluationScope scope);

    /**
     * The value at this path, or a {@code States.Runtime} failure in AWS's words
     * ({@code Invalid path '$.x' : No results for path: $['x']}).
     */
    JsonNode require(EvaluationScope scope);
}
