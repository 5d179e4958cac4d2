package io.stateway.orchestrator.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.a.b[0]", "$$.Execution.Id", "$myVar.items[1]", "$.items[*].id"})
    void path_theEngineCompiles_isAPath(String path) {
        assertThat(ExpressionSyntax.isPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "$.", "$.a["})
    void text_theEngineCannotCompile_isNotAPath(String text) {
        assertThat(ExpressionSyntax.isPath(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.items[*]", "$..name", "$.a[0:2]", "$.a[0,1]"})
    void indefinitePath_isNotAReferencePath(String path) {
        assertThat(ExpressionSyntax.isReferencePath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"States.UUID()", "States.Format('it\\'s {}', $.x)", "States.ArrayRange(1, 9, 2)"})
    void wellFormedCall_isAnIntrinsic(String call) {
        assertThat(ExpressionSyntax.isIntrinsicFunction(call)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"States.Format('He said \\\"hi\\\"')", "States.Unknown($.a)", "States.Format($.a"})
    void malformedCall_isNotAnIntrinsic(String call) {
        assertThat(ExpressionSyntax.isIntrinsicFunction(call)).isFalse();
    }
}
