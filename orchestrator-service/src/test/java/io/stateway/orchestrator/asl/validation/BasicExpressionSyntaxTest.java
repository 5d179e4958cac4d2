package io.stateway.orchestrator.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicExpressionSyntaxTest {

    private final BasicExpressionSyntax syntax = new BasicExpressionSyntax();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$",
                "$.a",
                "$.a.b[0]",
                "$$.Execution.Id",
                "$myVar.items[1]",
                "$['a b']",
                "$.items[*].id",
                "$..name"
            })
    void path_inStepFunctionsSubset_isAPath(String path) {
        assertThat(syntax.isPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b", "$.", "$.a[", "$[]", "States.Format('x')"})
    void text_notStartingAtARoot_isNotAPath(String text) {
        assertThat(syntax.isPath(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.items[*]", "$..name", "$.a[0:2]", "$.a[0,1]", "$.a[?(@.x)]"})
    void pathWithWildcardSliceUnionFilterOrDeepScan_isNotAReferencePath(String path) {
        assertThat(syntax.isReferencePath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "States.UUID()",
                "States.Format('{} and {}', $.a, $$.Execution.Name)",
                "States.JsonMerge($.a, States.StringToJson('{\"b\":1}'), false)",
                "States.ArrayRange(1, 9, 2)",
                "States.Format('it\\'s \\{\\} \\\\', $.x)",
                "States.MathAdd(-1, 2.5)"
            })
    void intrinsicCall_wellFormed_isAnIntrinsic(String call) {
        assertThat(syntax.isIntrinsicFunction(call)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "States.Format('He said \\\"hi\\\"')",
                "States.Unknown($.a)",
                "States.Format('unterminated)",
                "States.Format($.a",
                "States.Format($.a) trailing",
                "Format('x')"
            })
    void intrinsicCall_malformed_isNotAnIntrinsic(String call) {
        assertThat(syntax.isIntrinsicFunction(call)).isFalse();
    }
}
