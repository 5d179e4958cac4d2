package io.stateway.orchestrator.asl.choice;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.path.JsonPath;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The Boolean expression of a JSONPath-dialect Choice rule: {@code And}, {@code Or}, {@code Not}, a comparison,
 * {@code StringMatches} or an {@code Is...} test. Immutable and thread-safe.
 *
 * <p>A comparison whose sides are not both of its kind (a string compared numerically, a text that is no
 * timestamp) is false. A {@code Variable} (or {@code ...Path} operand) that selects nothing fails with {@code
 * States.Runtime}, except under {@code IsPresent}, which exists to test exactly that.
 */
public sealed interface Condition {

    boolean evaluate(EvaluationScope scope);

    /**
     * Compiles a rule's condition; a nested rule may carry a {@code Comment} but no {@code Next} or {@code Assign}.
     *
     * @throws InvalidChoiceRuleException when the rule is malformed
     */
    static Condition parse(JsonNode rule) {
        return RuleParser.condition(rule, "", false);
    }

    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean evaluate(EvaluationScope scope) {
            for (Condition condition : conditions) {
                if (!condition.evaluate(scope)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean evaluate(EvaluationScope scope) {
            for (Condition condition : conditions) {
                if (condition.evaluate(scope)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean evaluate(EvaluationScope scope) {
            return !condition.evaluate(scope);
        }
    }

    /** {@code "Variable": ..., "<Comparator>": value} or {@code "<Comparator>Path": path}. */
    record Comparison(JsonPath variable, Comparator comparator, Operand operand) implements Condition {
        @Override
        public boolean evaluate(EvaluationScope scope) {
            JsonNode left = value(variable, scope);
            JsonNode right = switch (operand) {
                case Operand.Literal literal -> literal.value();
                case Operand.Path path -> value(path.path(), scope);
            };
            return switch (comparator.kind()) {
                case STRING ->
                    left.isString()
                            && right.isString()
                            && comparator.relation().holds(left.stringValue().compareTo(right.stringValue()));
                case NUMERIC ->
                    left.isNumber() && right.isNumber() && comparator.relation().holds(Numbers.compare(left, right));
                case BOOLEAN -> left.isBoolean() && right.isBoolean() && left.booleanValue() == right.booleanValue();
                case TIMESTAMP -> timestamps(left, right);
            };
        }

        private boolean timestamps(JsonNode left, JsonNode right) {
            Instant l = left.isString() ? Timestamps.parse(left.stringValue()) : null;
            Instant r = right.isString() ? Timestamps.parse(right.stringValue()) : null;
            return l != null && r != null && comparator.relation().holds(l.compareTo(r));
        }
    }

    /** {@code "StringMatches": "log-*.txt"}. */
    record StringMatches(JsonPath variable, WildcardPattern pattern) implements Condition {
        @Override
        public boolean evaluate(EvaluationScope scope) {
            JsonNode value = value(variable, scope);
            return value.isString() && pattern.matches(value.stringValue());
        }
    }

    /** {@code "IsNull": true} and the other type tests; {@code expected} false inverts the test. */
    record TypeTest(JsonPath variable, TypeCheck check, boolean expected) implements Condition {
        @Override
        public boolean evaluate(EvaluationScope scope) {
            if (check == TypeCheck.IS_PRESENT) {
                return variable.read(scope).isPresent() == expected;
            }
            return check.test(value(variable, scope)) == expected;
        }
    }

    /** The right-hand side of a comparison. */
    sealed interface Operand {
        record Literal(JsonNode value) implements Operand {}

        record Path(JsonPath path) implements Operand {}
    }

    private static JsonNode value(JsonPath path, EvaluationScope scope) {
        return path.read(scope)
                .orElseThrow(() -> new FailureException(
                        StatesErrors.RUNTIME,
                        "Invalid path '" + path.text()
                                + "': The choice state's condition path references an invalid value."));
    }
}
