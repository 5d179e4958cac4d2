package io.stateway.orchestrator.asl.path;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A compiled {@code [?(...)]} predicate, tested against each candidate node ({@code @}) and the root ({@code $}). */
sealed interface FilterExpression {

    boolean test(JsonNode item, JsonNode root);

    record Or(List<FilterExpression> operands) implements FilterExpression {
        @Override
        public boolean test(JsonNode item, JsonNode root) {
            for (FilterExpression operand : operands) {
                if (operand.test(item, root)) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(List<FilterExpression> operands) implements FilterExpression {
        @Override
        public boolean test(JsonNode item, JsonNode root) {
            for (FilterExpression operand : operands) {
                if (!operand.test(item, root)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Not(FilterExpression operand) implements FilterExpression {
        @Override
        public boolean test(JsonNode item, JsonNode root) {
            return !operand.test(item, root);
        }
    }

    /** {@code @.a} alone (the property exists, even as null) or {@code !@.a}. */
    record Exists(Operand.PathOperand path, boolean expected) implements FilterExpression {
        @Override
        public boolean test(JsonNode item, JsonNode root) {
            return path.exists(item, root) == expected;
        }
    }

    record Relation(Operand left, FilterOperator operator, Operand right) implements FilterExpression {
        @Override
        public boolean test(JsonNode item, JsonNode root) {
            return operator.test(left.value(item, root), right.value(item, root));
        }
    }

    /** One side of a relation: a literal or a path. */
    sealed interface Operand {

        FilterValue value(JsonNode item, JsonNode root);

        record Literal(FilterValue value) implements Operand {
            @Override
            public FilterValue value(JsonNode item, JsonNode root) {
                return value;
            }
        }

        /** {@code @...} against the candidate or {@code $...} against the root; indefinite paths yield an array. */
        record PathOperand(PathParser.Parsed path) implements Operand {
            @Override
            public FilterValue value(JsonNode item, JsonNode root) {
                JsonNode start = path.current() ? item : root;
                if (!path.evaluable()) {
                    return FilterValue.UNDEFINED;
                }
                if (path.definite()) {
                    return FilterValue.of(PathEvaluator.readDefinite(path.segments(), start));
                }
                return new FilterValue.Json(PathEvaluator.readAll(path.segments(), start, root));
            }

            boolean exists(JsonNode item, JsonNode root) {
                FilterValue value = value(item, root);
                return value instanceof FilterValue.Json json && !path.definite()
                        ? !json.value().isEmpty()
                        : !(value instanceof FilterValue.Undefined);
            }
        }
    }
}
