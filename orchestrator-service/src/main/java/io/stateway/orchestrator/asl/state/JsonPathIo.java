package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.expr.PathExpression;
import io.stateway.orchestrator.asl.expr.ResultPathExpression;
import io.stateway.orchestrator.asl.expr.ValueExpression;

/**
 * The JSONPath data-flow fields of a state; each is {@code null} when the state does not declare
 * it (an explicit {@code null} in the definition is a non-null expression that yields {@code {}} or
 * discards the result, as AWS defines).
 */
public record JsonPathIo(
        PathExpression inputPath,
        ValueExpression parameters,
        ValueExpression resultSelector,
        ResultPathExpression resultPath,
        PathExpression outputPath) {

    public static final JsonPathIo NONE = new JsonPathIo(null, null, null, null, null);
}
