package io.stateway.orchestrator.asl.expr;

import io.stateway.orchestrator.asl.EvaluationScope;
import tools.jackson.databind.JsonNode;

/**
 * A JSONPath-dialect value computed from a scope: a payload template ({@code Parameters},
 * {@code ResultSelector}, {@code ItemSelector}, {@code Assign}) or a path-or-intrinsic field
 * ({@code ErrorPath}, {@code CausePath}). Failures are raised as {@code FailureException}.
 */
@FunctionalInterface
public interface ValueExpression {

    JsonNode evaluate(EvaluationScope scope);
}
