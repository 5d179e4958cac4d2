package io.stateway.orchestrator.asl.intrinsic;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.FailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicSyntaxTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "States.UUID()",
                "States.Array( 1 , 'a' ,$.x,$$.y , $v )",
                "States.Format('{}', $.a[?(@.b == 'x, y)')])",
                "States.Format('a\\'b\\{\\}\\\\ {}', -1.5e3)",
                "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.a, '/'), 2), '.'), 0)",
                "States.StringToJson('{\"k\": \"v\"}')",
                "States.MathRandom(1, 2, 3)"
            })
    void compile_validCall_succeeds(String call) {
        assertThatCode(() -> Intrinsic.compile(call)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "States.Nope()",
                "States.UUID",
                "States.UUID(1)",
                "States.ArrayPartition($.a)",
                "States.MathRandom(1, 2, 3, 4)",
                "States.Format()",
                "States.Format('{} {}', 1)",
                "States.Format('He said, \\\"Hello, {}!\\\"', 'x')",
                "States.StringToJson('{\"text\":\"An \\\"escaped\\\" quote\"}')",
                "States.Array('open)",
                "States.Array(1 2)",
                "States.Array(1,)",
                "States.Array(01x)",
                "States.Array(yes)",
                "States.Array($.a b)",
                "States.Array($['a)",
                "States.Array() trailing",
                "Format('x')"
            })
    void compile_invalidCall_throwsIntrinsicSyntaxException(String call) {
        IntrinsicSyntaxException error =
                catchThrowableOfType(IntrinsicSyntaxException.class, () -> Intrinsic.compile(call));

        assertThat(error).isNotNull();
        assertThat(error.expression()).isEqualTo(call);
    }

    @Test
    void compile_elevenNestedCalls_isRejected() {
        String ten = "States.Array(".repeat(10) + ")".repeat(10);

        assertThatCode(() -> Intrinsic.compile(ten)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(
                                IntrinsicSyntaxException.class, () -> Intrinsic.compile("States.Array(" + ten + ")"))
                        .reason())
                .isEqualTo("at most 10 intrinsic functions can be nested");
    }

    @Test
    void evaluate_literalEscapes_produceTheEscapedCharacters() {
        assertThat(eval("States.Array('a\\'b', '\\{\\}', '\\\\')", "{}"))
                .isEqualTo(json("[\"a'b\", \"{}\", \"\\\\\"]"));
    }

    @Test
    void evaluate_pathArgumentFindingNothing_failsWithTheFieldAndInput() {
        Failure failure = catchThrowableOfType(
                        FailureException.class,
                        () -> Intrinsic.compile("States.Format('{}', $.missing)")
                                .evaluate(io.stateway.orchestrator.asl.TestScopes.input("{\"a\":1}"), "msg.$"))
                .failure();

        assertThat(failure)
                .isEqualTo(new Failure(
                        StatesErrors.RUNTIME,
                        "The JSONPath '$.missing' specified for the field 'msg.$' could not be found in the input"
                                + " '{\"a\":1}'"));
    }

    @Test
    void isCall_distinguishesCallsFromPaths() {
        assertThat(Intrinsic.isCall("States.Array()")).isTrue();
        assertThat(Intrinsic.isCall("$.States")).isFalse();
    }
}
