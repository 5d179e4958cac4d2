package io.stateway.orchestrator.asl.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.JsonNode;

/**
 * Pass state rules: in JSONPath its {@code Parameters} template and {@code ResultPath}, and a
 * PASS_RESULT_IS_STATIC warning when {@code Result} holds what looks like a path (a Result is
 * never evaluated; {@code Parameters} is what evaluates paths).
 */
final class PassRules {

    private PassRules() {}

    static void check(StateScope scope) {
        if (scope.jsonata()) {
            return;
        }
        scope.payloadTemplate("Parameters", false);
        PathFields.resultPath(scope.in(), scope.state(), scope.at());
        JsonNode result = scope.get("Result");
        if (result != null && holdsPath(result)) {
            scope.in()
                    .report(
                            DiagnosticCode.PASS_RESULT_IS_STATIC,
                            "The field 'Result' holds a JSONPath or intrinsic function that will not be evaluated; use 'Parameters' to evaluate it",
                            scope.field("Result"));
        }
    }

    private static boolean holdsPath(JsonNode result) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(result);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isString() && PayloadTemplates.looksLikeExpression(node.stringValue())) {
                return true;
            }
            if (node.isObject()) {
                for (String key : node.propertyNames()) {
                    if (PayloadTemplates.isDynamicKey(key)) {
                        return true;
                    }
                }
            }
            if (node.isContainer()) {
                node.values().forEach(pending::push);
            }
        }
        return false;
    }
}
