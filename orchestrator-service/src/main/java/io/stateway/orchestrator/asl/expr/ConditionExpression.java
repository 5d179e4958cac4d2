package io.stateway.orchestrator.asl.expr;

import io.stateway.orchestrator.asl.EvaluationScope;

/** A Choice rule's condition in the JSONPath dialect. */
@FunctionalInterface
public interface ConditionExpression {

    boolean test(EvaluationScope scope);
}
