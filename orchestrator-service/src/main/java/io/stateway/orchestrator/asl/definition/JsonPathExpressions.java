package io.stateway.orchestrator.asl.definition;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.expr.ConditionExpression;
import io.stateway.orchestrator.asl.expr.ValueExpression;
import io.stateway.orchestrator.asl.intrinsic.Intrinsic;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.path.JsonPath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Compiles the JSONPath dialect's templates, path-or-intrinsic fields and Choice conditions. */
final class JsonPathExpressions {

    private JsonPathExpressions() {}

    static ValueExpression payload(JsonNode template, String field) {
        if (template.isObject()) {
            return scope -> {
                ObjectNode out = Json.NODES.objectNode();
                for (var p : template.properties()) {
                    String key = p.getKey();
                    if (key.endsWith(".$")
                            && p.getValue().isString()
                            && Intrinsic.isCall(p.getValue().stringValue())) {
                        out.set(
                                key.substring(0, key.length() - 2),
                                Intrinsic.compile(p.getValue().stringValue()).evaluate(scope, key));
                    } else if (key.endsWith(".$") && p.getValue().isString()) {
                        String text = p.getValue().stringValue();
                        JsonNode value = JsonPath.compile(text)
                                .read(scope)
                                .orElseThrow(() -> new FailureException(
                                        StatesErrors.RUNTIME,
                                        "The JSONPath '" + text + "' specified for the field '" + key
                                                + "' could not be found in the input '" + Json.text(scope.input())
                                                + "'"));
                        out.set(key.substring(0, key.length() - 2), value);
                    } else {
                        out.set(key, payload(p.getValue(), field).evaluate(scope));
                    }
                }
                return out;
            };
        }
        return scope -> template;
    }

    static ValueExpression pathOrIntrinsic(String text, String field) {
        if (Intrinsic.isCall(text)) {
            Intrinsic intrinsic = Intrinsic.compile(text);
            return scope -> intrinsic.evaluate(scope, field);
        }
        JsonPath path = JsonPath.compile(text);
        return scope -> path.read(scope)
                .orElseThrow(() -> new FailureException(
                        StatesErrors.RUNTIME,
                        "The JSONPath '" + text + "' specified for the field '" + field
                                + "' could not be found in the input '" + Json.text(scope.input()) + "'"));
    }

    static ConditionExpression condition(JsonNode rule) {
        throw new IllegalArgumentException("Choice rules are not supported yet: " + rule);
    }
}
