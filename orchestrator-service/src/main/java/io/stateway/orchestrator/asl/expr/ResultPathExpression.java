package io.stateway.orchestrator.asl.expr;

import tools.jackson.databind.JsonNode;

/**
 * A {@code ResultPath}: where a state's result goes in its input. {@code $} replaces the input,
 * {@code null} discards the result, and a reference path writes into a copy of the input.
 */
@FunctionalInterface
public interface ResultPathExpression {

    /** The state output before {@code OutputPath}; never modifies {@code input}. */
    JsonNode apply(JsonNode input, JsonNode result);
}
