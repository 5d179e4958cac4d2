package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Choice state rules. JSONPath rules hold exactly one comparison operator (or And, Or, Not), a
 * {@code Variable} for comparisons and, at the top level only, {@code Next} and {@code Assign};
 * each operand has its operator's type, timestamps are RFC 3339. JSONata rules hold a {@code
 * Condition} (a boolean or an expression) and {@code Next}. The wording for a rule without exactly
 * one operator is ours; AWS's is not recorded.
 */
final class ChoiceRules {

    private static final Set<String> RULE_FIELDS = Set.of("Variable", "Comment");
    private static final Shape JSONATA_RULE = Shape.of(List.of("Condition", "Next"), "Comment", "Assign", "Output");

    private ChoiceRules() {}

    static void check(StateScope scope) {
        Inspection in = scope.in();
        Fields.nonEmptyString(in, scope.state(), scope.at(), "Default");
        Fields.nonEmptyArray(in, scope.state(), scope.at(), "Choices").ifPresent(choices -> {
            Location choicesAt = scope.field("Choices");
            for (int i = 0; i < choices.size(); i++) {
                JsonNode rule = choices.get(i);
                Location at = choicesAt.index(i);
                if (!rule.isObject()) {
                    in.schema(Fields.typeMessage("Object"), at);
                } else if (scope.jsonata()) {
                    jsonataRule(scope, rule, at);
                } else {
                    jsonPathRule(in, rule, at, true);
                }
            }
        });
    }

    private static void jsonataRule(StateScope scope, JsonNode rule, Location at) {
        Inspection in = scope.in();
        JSONATA_RULE.check(in, rule, at);
        Fields.string(in, rule, at, "Comment");
        Fields.nonEmptyString(in, rule, at, "Next");
        JsonNode condition = rule.get("Condition");
        if (condition != null && !condition.isBoolean()) {
            if (JsonataExpressions.isExpression(condition)) {
                JsonataExpressions.checkString(in, condition.stringValue(), "Condition", at.field("Condition"));
            } else {
                in.schema(Fields.typeMessage("Boolean"), at.field("Condition"));
            }
        }
        if (rule.has("Output")) {
            JsonataExpressions.checkTemplate(in, rule.get("Output"), "Output", at.field("Output"));
        }
        if (rule.has("Assign")) {
            AssignRules.check(in, rule.get("Assign"), at.field("Assign"), QueryLanguage.JSONATA);
        }
    }

    private static void jsonPathRule(Inspection in, JsonNode rule, Location at, boolean topLevel) {
        List<String> operators = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String field : rule.propertyNames()) {
            if (ChoiceOperator.named(field).isPresent()) {
                operators.add(field);
            } else if (!RULE_FIELDS.contains(field)
                    && !(topLevel && (field.equals("Next") || field.equals("Assign")))) {
                in.schema(Shape.unsupportedMessage(field), at);
            }
        }
        if (operators.size() != 1) {
            in.schema("A choice rule must contain exactly one comparison operator", at);
        }
        boolean compares = operators.stream()
                .map(op -> ChoiceOperator.named(op).orElseThrow())
                .anyMatch(ChoiceOperator::comparesVariable);
        if (compares && !rule.has("Variable")) {
            missing.add("Variable");
        }
        if (topLevel && !rule.has("Next")) {
            missing.add("Next");
        }
        if (!missing.isEmpty()) {
            in.schema(Fields.requiredMessage(missing), at);
        }
        if (!compares && rule.has("Variable") && operators.size() == 1) {
            in.schema(Shape.unsupportedMessage("Variable"), at);
        }
        Fields.string(in, rule, at, "Comment");
        Fields.string(in, rule, at, "Variable")
                .filter(variable -> !ExpressionSyntax.isPath(variable))
                .ifPresent(variable -> in.schema(PathFields.invalidPathMessage("Variable"), at.field("Variable")));
        if (topLevel) {
            Fields.nonEmptyString(in, rule, at, "Next");
            if (rule.has("Assign")) {
                AssignRules.check(in, rule.get("Assign"), at.field("Assign"), QueryLanguage.JSONPATH);
            }
        }
        for (String operator : operators) {
            operand(in, rule, at, operator, ChoiceOperator.named(operator).orElseThrow());
        }
    }

    private static void operand(Inspection in, JsonNode rule, Location at, String operator, ChoiceOperator kind) {
        JsonNode value = rule.get(operator);
        Location valueAt = at.field(operator);
        switch (kind) {
            case STRING -> Fields.string(in, rule, at, operator);
            case NUMBER -> {
                if (!value.isNumber()) {
                    in.schema(Fields.typeMessage("Number"), valueAt);
                }
            }
            case BOOLEAN, TYPE_TEST -> Fields.bool(in, rule, at, operator);
            case TIMESTAMP ->
                Fields.string(in, rule, at, operator)
                        .filter(timestamp -> !Rfc3339.matches(timestamp))
                        .ifPresent(timestamp -> in.schema(Rfc3339.MISMATCH_MESSAGE, valueAt));
            case PATH ->
                Fields.string(in, rule, at, operator)
                        .filter(path -> !ExpressionSyntax.isPath(path))
                        .ifPresent(path -> in.schema(PathFields.invalidPathMessage(operator), valueAt));
            case AND_OR ->
                Fields.nonEmptyArray(in, rule, at, operator).ifPresent(rules -> {
                    for (int i = 0; i < rules.size(); i++) {
                        nested(in, rules.get(i), valueAt.index(i));
                    }
                });
            case NOT -> nested(in, value, valueAt);
        }
    }

    private static void nested(Inspection in, JsonNode rule, Location at) {
        if (!rule.isObject()) {
            in.schema(Fields.typeMessage("Object"), at);
            return;
        }
        jsonPathRule(in, rule, at, false);
    }
}
