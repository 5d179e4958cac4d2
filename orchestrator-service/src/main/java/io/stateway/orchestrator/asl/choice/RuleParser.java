package io.stateway.orchestrator.asl.choice;

import io.stateway.orchestrator.asl.path.JsonPath;
import io.stateway.orchestrator.asl.path.PathSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Compiles Choice rule objects into {@link Condition}s, rejecting what AWS rejects with a located message. */
final class RuleParser {

    private static final String PATH_SUFFIX = "Path";

    private RuleParser() {}

    static Condition condition(JsonNode rule, String at, boolean topLevel) {
        if (rule == null || !rule.isObject()) {
            throw new InvalidChoiceRuleException(at, "A choice rule must be a JSON object");
        }
        String operator = null;
        for (Map.Entry<String, JsonNode> field : rule.properties()) {
            String name = field.getKey();
            if (name.equals("Comment") || name.equals("Variable")) {
                continue;
            }
            if (topLevel && (name.equals("Next") || name.equals("Assign"))) {
                continue;
            }
            if (!isOperator(name)) {
                throw new InvalidChoiceRuleException(
                        at + "/" + name, "Field '" + name + "' is not supported in a choice rule");
            }
            if (operator != null) {
                throw new InvalidChoiceRuleException(
                        at,
                        "A choice rule must have exactly one operator, but has '" + operator + "' and '" + name + "'");
            }
            operator = name;
        }
        if (operator == null) {
            throw new InvalidChoiceRuleException(
                    at, "A choice rule must have an operator such as 'And' or 'StringEquals'");
        }
        return switch (operator) {
            case "And", "Or" -> compound(rule, at, operator);
            case "Not" -> {
                noVariable(rule, at, operator);
                yield new Condition.Not(condition(rule.get("Not"), at + "/Not", false));
            }
            default -> comparison(rule, at, operator);
        };
    }

    private static boolean isOperator(String name) {
        if (name.equals("And") || name.equals("Or") || name.equals("Not") || name.equals("StringMatches")) {
            return true;
        }
        if (TypeCheck.named(name) != null || Comparator.named(name) != null) {
            return true;
        }
        return name.endsWith(PATH_SUFFIX) && Comparator.named(withoutPathSuffix(name)) != null;
    }

    private static Condition compound(JsonNode rule, String at, String operator) {
        noVariable(rule, at, operator);
        JsonNode operands = rule.get(operator);
        if (!operands.isArray() || operands.isEmpty()) {
            throw new InvalidChoiceRuleException(
                    at + "/" + operator, "'" + operator + "' must be a non-empty array of rules");
        }
        List<Condition> conditions = new ArrayList<>(operands.size());
        for (int i = 0; i < operands.size(); i++) {
            conditions.add(condition(operands.get(i), at + "/" + operator + "/" + i, false));
        }
        return operator.equals("And") ? new Condition.And(conditions) : new Condition.Or(conditions);
    }

    private static void noVariable(JsonNode rule, String at, String operator) {
        if (rule.has("Variable")) {
            throw new InvalidChoiceRuleException(
                    at + "/Variable", "'Variable' is not allowed next to '" + operator + "'");
        }
    }

    private static Condition comparison(JsonNode rule, String at, String operator) {
        JsonPath variable = path(rule.get("Variable"), at + "/Variable", "Variable");
        JsonNode value = rule.get(operator);
        String location = at + "/" + operator;
        TypeCheck check = TypeCheck.named(operator);
        if (check != null) {
            if (!value.isBoolean()) {
                throw new InvalidChoiceRuleException(location, "'" + operator + "' must be a boolean");
            }
            return new Condition.TypeTest(variable, check, value.booleanValue());
        }
        if (operator.equals("StringMatches")) {
            if (!value.isString()) {
                throw new InvalidChoiceRuleException(location, "'StringMatches' must be a string");
            }
            return new Condition.StringMatches(variable, WildcardPattern.compile(value.stringValue()));
        }
        Comparator comparator = Comparator.named(operator);
        if (comparator == null) {
            comparator = Comparator.named(withoutPathSuffix(operator));
            return new Condition.Comparison(
                    variable, comparator, new Condition.Operand.Path(path(value, location, operator)));
        }
        checkLiteral(comparator, value, location);
        return new Condition.Comparison(variable, comparator, new Condition.Operand.Literal(value));
    }

    private static void checkLiteral(Comparator comparator, JsonNode value, String location) {
        boolean valid = switch (comparator.kind()) {
            case STRING -> value.isString();
            case NUMERIC -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case TIMESTAMP -> value.isString() && Timestamps.parse(value.stringValue()) != null;
        };
        if (!valid) {
            String expected = switch (comparator.kind()) {
                case STRING -> "a string";
                case NUMERIC -> "a number";
                case BOOLEAN -> "a boolean";
                case TIMESTAMP -> "an RFC 3339 timestamp string";
            };
            throw new InvalidChoiceRuleException(location, "'" + comparator.operator() + "' must be " + expected);
        }
    }

    private static JsonPath path(JsonNode value, String location, String field) {
        if (value == null || !value.isString()) {
            throw new InvalidChoiceRuleException(location, "'" + field + "' must be a JSONPath string");
        }
        try {
            return JsonPath.compile(value.stringValue());
        } catch (PathSyntaxException e) {
            throw new InvalidChoiceRuleException(location, "'" + field + "': " + e.getMessage());
        }
    }

    private static String withoutPathSuffix(String name) {
        return name.endsWith(PATH_SUFFIX) ? name.substring(0, name.length() - PATH_SUFFIX.length()) : name;
    }
}
