package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.path.JsonPath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A node of a compiled intrinsic call: a literal, a path or a nested call. */
sealed interface Expression {

    /**
     * The value of this expression.
     *
     * @param field the payload field being computed, named in AWS's "could not be found" cause
     */
    JsonNode evaluate(EvaluationScope scope, String field);

    /** A literal; {@code source} is a string literal's text as written (escapes kept), else null. */
    record Literal(JsonNode value, String source) implements Expression {
        @Override
        public JsonNode evaluate(EvaluationScope scope, String field) {
            return value;
        }
    }

    record PathArgument(JsonPath path) implements Expression {
        @Override
        public JsonNode evaluate(EvaluationScope scope, String field) {
            return path.read(scope).orElseThrow(() -> {
                JsonNode document = path.document(scope);
                return new FailureException(
                        StatesErrors.RUNTIME,
                        "The JSONPath '" + path.text() + "' specified for the field '" + field
                                + "' could not be found in the input '"
                                + Json.text(document == null ? scope.input() : document) + "'");
            });
        }
    }

    record Call(StatesFunction function, List<Expression> arguments, String text) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public JsonNode evaluate(EvaluationScope scope, String field) {
            List<JsonNode> values = new ArrayList<>(arguments.size());
            for (Expression argument : arguments) {
                values.add(argument.evaluate(scope, field));
            }
            String template = function == StatesFunction.FORMAT && arguments.getFirst() instanceof Literal literal
                    ? literal.source()
                    : null;
            return function.apply(new Arguments(function, values, template), scope);
        }
    }
}
