package io.stateway.orchestrator.asl.jsonata;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.TestScopes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {

    private static JsonataScope scope(String input) {
        return new JsonataScope(json(input), json("{}"), null, null, Map.of("limit", json("10")), TestScopes.RANDOM);
    }

    @Test
    void template_evaluatesExpressionsAtAnyDepth_andKeepsLiterals() {
        JsonataTemplate template = JsonataTemplate.compile(
                json("{\"a\": \"{% $states.input.x * 2 %}\", \"b\": [\"{% $limit %}\", 3]}"), "Output");

        assertThat(template.evaluate(scope("{\"x\": 4}"))).isEqualTo(json("{\"a\": 8, \"b\": [10, 3]}"));
    }

    @Test
    void expression_returningUndefined_isAQueryEvaluationErrorNamingItsField() {
        JsonataTemplate template = JsonataTemplate.compile(json("{\"a\": \"{% $missing %}\"}"), "Output");

        assertThatThrownBy(() -> template.evaluate(scope("{}"))).isInstanceOfSatisfying(FailureException.class, e -> {
            assertThat(e.failure().error()).isEqualTo("States.QueryEvaluationError");
            assertThat(e.failure().cause())
                    .isEqualTo("The JSONata expression '$missing' specified for the field 'Output/a' returned"
                            + " nothing (undefined).");
            assertThat(e.location()).isEqualTo("Output/a");
        });
    }

    @Test
    void jsonNull_isAValue_notUndefined() {
        assertThat(JsonataTemplate.compile(json("\"{% null %}\""), "Output").evaluate(scope("{}")))
                .isEqualTo(json("null"));
    }

    @Test
    void stepFunctionsFunctions_partitionRangeHashAndParse() {
        assertThat(eval("$partition([1, 2, 3], 2)")).isEqualTo(json("[[1, 2], [3]]"));
        assertThat(eval("$range(0, 10, 5)")).isEqualTo(json("[0, 5, 10]"));
        assertThat(eval("$hash('input data', 'MD5')")).isEqualTo(json("\"812f45842bc6d66ee14572ce20db8e86\""));
        assertThat(eval("$parse('{\"a\": [1]}')")).isEqualTo(json("{\"a\": [1]}"));
        assertThat(eval("$uuid()")).isEqualTo(json("\"" + TestScopes.RANDOM.uuid() + "\""));
    }

    private static Object eval(String expression) {
        return JsonataExpression.compile(expression, "Output").evaluate(scope("{}"));
    }
}
