package io.stateway.orchestrator.asl.payload;

import static io.stateway.orchestrator.asl.TestScopes.input;
import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.TestScopes.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.FailureException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PayloadTemplateTest {

    private static JsonNode evaluate(String template, EvaluationScope scope) {
        return PayloadTemplate.compile(json(template)).evaluate(scope);
    }

    private static Failure failure(String template, EvaluationScope scope) {
        return catchThrowableOfType(FailureException.class, () -> evaluate(template, scope))
                .failure();
    }

    @Test
    void evaluate_dollarKeys_takeTheirValueFromPathsUnderTheKeyWithoutSuffix() {
        assertThat(evaluate(
                        "{\"flagged\": true, \"parts\": {\"first.$\": \"$.vals[0]\", \"last3.$\": \"$.vals[3:]\"}}",
                        input("{\"flagged\": 7, \"vals\": [0, 10, 20, 30, 40, 50]}")))
                .isEqualTo(json("{\"flagged\": true, \"parts\": {\"first\": 0, \"last3\": [30, 40, 50]}}"));
    }

    @Test
    void evaluate_objectsInsideArrays_areTemplatesToo() {
        assertThat(evaluate(
                        "{\"list\": [1, {\"v.$\": \"$.a\"}, [{\"w.$\": \"$.b\"}]]}", input("{\"a\": \"x\", \"b\": 2}")))
                .isEqualTo(json("{\"list\": [1, {\"v\": \"x\"}, [{\"w\": 2}]]}"));
    }

    @Test
    void evaluate_intrinsicCalls_areEvaluated() {
        assertThat(evaluate(
                        "{\"msg.$\": \"States.Format('{} has {} items', $.name, States.ArrayLength($.items))\"}",
                        input("{\"name\": \"cart\", \"items\": [1, 2]}")))
                .isEqualTo(json("{\"msg\": \"cart has 2 items\"}"));
    }

    @Test
    void evaluate_contextAndVariablePaths_readTheirRoots() {
        EvaluationScope scope = scope("{}", "{\"Execution\": {\"Name\": \"run\"}}", Map.of("count", "3"));

        assertThat(evaluate("{\"name.$\": \"$$.Execution.Name\", \"count.$\": \"$count\", \"all.$\": \"$\"}", scope))
                .isEqualTo(json("{\"name\": \"run\", \"count\": 3, \"all\": {}}"));
    }

    @Test
    void evaluate_keysWithoutSuffix_areCopiedEvenWhenTheyLookLikePaths() {
        assertThat(evaluate("{\"p\": \"$.a\", \"q\": \"States.UUID()\"}", input("{\"a\": 1}")))
                .isEqualTo(json("{\"p\": \"$.a\", \"q\": \"States.UUID()\"}"));
    }

    @Test
    void evaluate_templateWithoutDynamicFields_returnsTheDefinitionNodeItself() {
        JsonNode template = json("{\"a\": {\"b\": [1, 2]}}");

        assertThat(PayloadTemplate.compile(template).evaluate(input("{}"))).isSameAs(template);
    }

    @Test
    void evaluate_indefinitePathOverMissingData_givesAnEmptyArray() {
        assertThat(evaluate("{\"item.$\": \"$.item.items[1:5].itemValue\"}", input("{}")))
                .isEqualTo(json("{\"item\": []}"));
    }

    @Test
    void evaluate_pathFindingNothing_failsWithAwsCause() {
        assertThat(failure("{\"value.$\": \"$.no_such_jsonpath\"}", input("{\"a\": [1, \"x\"]}")))
                .isEqualTo(new Failure(
                        StatesErrors.RUNTIME,
                        "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in"
                                + " the input '{\"a\":[1,\"x\"]}'"));
    }

    @Test
    void evaluate_contextPathFindingNothing_quotesTheContextObject() {
        EvaluationScope scope = scope("{\"in\": 1}", "{\"Execution\": {\"Input\": {\"in\": 1}}}", Map.of());

        assertThat(failure("{\"v.$\": \"$$.Execution.Input.none\"}", scope).cause())
                .isEqualTo("The JSONPath '$$.Execution.Input.none' specified for the field 'v.$' could not be found"
                        + " in the input '{\"Execution\":{\"Input\":{\"in\":1}}}'");
    }

    @Test
    void evaluate_jaywayFunction_isNotFound() {
        assertThat(failure("{\"Jobs.$\": \"$.Jobs.sum()\"}", input("{\"Jobs\": [0, 1]}"))
                        .cause())
                .isEqualTo("The JSONPath '$.Jobs.sum()' specified for the field 'Jobs.$' could not be found in the"
                        + " input '{\"Jobs\":[0,1]}'");
    }

    @Test
    void evaluate_nullInput_failsTheInputPathTransformation() {
        assertThat(failure("{\"Input.$\": \"$\"}", input("null")))
                .isEqualTo(new Failure(
                        StatesErrors.RUNTIME, "Unable to apply Path transformation to null or empty input."));
    }

    @Test
    void compile_invalidPathOrCall_throwsAwsValidationMessage() {
        PayloadTemplateException error = catchThrowableOfType(
                PayloadTemplateException.class,
                () -> PayloadTemplate.compile(json(
                        "{\"ok\": {\"parsed.$\": \"States.Format('He said, \\\\\\\"Hello, {}!\\\\\\\"', 'x')\"}}")));

        assertThat(error.getMessage())
                .isEqualTo("The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic"
                        + " function call");
        assertThat(error.field()).isEqualTo("parsed.$");
        assertThat(error.detail()).contains("illegal escape sequence");
    }

    @Test
    void compile_nonStringDynamicValue_isRejected() {
        PayloadTemplateException error = catchThrowableOfType(
                PayloadTemplateException.class, () -> PayloadTemplate.compile(json("{\"n.$\": 1}")));

        assertThat(error.field()).isEqualTo("n.$");
    }

    @Test
    void compile_pathWithoutDollar_isRejected() {
        assertThat(catchThrowableOfType(
                                PayloadTemplateException.class,
                                () -> PayloadTemplate.compile(json("{\"n.$\": \"ConditionTrue\"}")))
                        .field())
                .isEqualTo("n.$");
    }

    @Test
    void dynamicValues_listsEveryDollarFieldDepthFirst() {
        PayloadTemplate template = PayloadTemplate.compile(
                json("{\"a.$\": \"$.a\", \"b\": [{\"c.$\": \"States.UUID()\"}], \"d\": {\"e.$\": \"$$.x\"}}"));

        assertThat(template.dynamicValues())
                .extracting(DynamicValue::field, DynamicValue::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.$", "$.a"),
                        org.assertj.core.groups.Tuple.tuple("c.$", "States.UUID()"),
                        org.assertj.core.groups.Tuple.tuple("e.$", "$$.x"));
    }
}
