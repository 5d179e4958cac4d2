package io.stateway.orchestrator.asl.definition;

import io.stateway.orchestrator.asl.choice.ChoiceRule;
import io.stateway.orchestrator.asl.expr.ConditionExpression;
import io.stateway.orchestrator.asl.expr.ValueExpression;
import io.stateway.orchestrator.asl.payload.DynamicValue;
import io.stateway.orchestrator.asl.payload.PayloadTemplate;
import tools.jackson.databind.JsonNode;

/** Compiles the JSONPath dialect's templates, path-or-intrinsic fields and Choice conditions. */
final class JsonPathExpressions {

    private JsonPathExpressions() {}

    /** {@code Parameters}, {@code ResultSelector}, {@code ItemSelector}, {@code Assign}. */
    static ValueExpression payload(JsonNode template, String field) {
        return PayloadTemplate.compile(template)::evaluate;
    }

    /** {@code ErrorPath} / {@code CausePath}: a path or an intrinsic function call. */
    static ValueExpression pathOrIntrinsic(String text, String field) {
        return DynamicValue.compile(field, text)::evaluate;
    }

    static ConditionExpression condition(JsonNode rule) {
        return ChoiceRule.parse(rule)::matches;
    }
}
