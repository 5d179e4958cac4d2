package io.stateway.orchestrator.asl.payload;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.intrinsic.Intrinsic;
import io.stateway.orchestrator.asl.intrinsic.IntrinsicSyntaxException;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.path.JsonPath;
import io.stateway.orchestrator.asl.path.PathSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The value of a {@code .$} field (or of {@code ErrorPath}/{@code CausePath}): a JSONPath or an intrinsic call,
 * compiled once, bound to the name of the field it fills so failures quote it as AWS does.
 */
public sealed interface DynamicValue {

    /** The field this value fills, as written ({@code "value.$"}, {@code "CausePath"}). */
    String field();

    /** The path or call as written. */
    String text();

    /**
     * Computes the value.
     *
     * @throws FailureException {@code States.Runtime} when a path finds nothing ({@code The JSONPath '$.x'
     *     specified for the field 'x.$' could not be found in the input '{...}'}), or an intrinsic's failure
     */
    JsonNode evaluate(EvaluationScope scope);

    /**
     * Compiles a path or, when the text starts with {@code States.}, an intrinsic call.
     *
     * @throws PayloadTemplateException when it is neither
     */
    static DynamicValue compile(String field, String text) {
        try {
            return Intrinsic.isCall(text)
                    ? new Call(field, Intrinsic.compile(text))
                    : new Path(field, JsonPath.compile(text));
        } catch (PathSyntaxException | IntrinsicSyntaxException e) {
            throw new PayloadTemplateException(field, e.getMessage());
        }
    }

    record Path(String field, JsonPath path) implements DynamicValue {

        @Override
        public String text() {
            return path.text();
        }

        @Override
        public JsonNode evaluate(EvaluationScope scope) {
            if (path.root() == JsonPath.Root.INPUT
                    && (scope.input() == null || scope.input().isNull())) {
                throw new FailureException(
                        StatesErrors.RUNTIME, "Unable to apply Path transformation to null or empty input.");
            }
            JsonNode value = path.read(scope).orElse(null);
            if (value == null) {
                JsonNode document = path.document(scope);
                throw new FailureException(
                        StatesErrors.RUNTIME,
                        "The JSONPath '" + path.text() + "' specified for the field '" + field
                                + "' could not be found in the input '"
                                + Json.text(document == null ? scope.input() : document) + "'");
            }
            return value;
        }
    }

    record Call(String field, Intrinsic intrinsic) implements DynamicValue {

        @Override
        public String text() {
            return intrinsic.text();
        }

        @Override
        public JsonNode evaluate(EvaluationScope scope) {
            return intrinsic.evaluate(scope, field);
        }
    }
}
