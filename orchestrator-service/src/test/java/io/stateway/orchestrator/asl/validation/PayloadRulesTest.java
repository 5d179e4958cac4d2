package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadRulesTest {

    private static String pathOrIntrinsic(String field) {
        return "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call";
    }

    @Test
    void dynamicField_notAPath_isReportedAtTheTemplateField() {
        assertThat(onlyError("template-invalid-path"))
                .isEqualTo(schemaError(pathOrIntrinsic("v.$"), "/States/P/Parameters"));
    }

    @Test
    void intrinsicString_withEscapedDoubleQuote_isNotAValidIntrinsic() {
        assertThat(onlyError("template-intrinsic-illegal-escape"))
                .isEqualTo(schemaError(pathOrIntrinsic("parsed.$"), "/States/P/Parameters"));
    }

    @Test
    void intrinsicString_withItsFourEscapes_isValid() {
        assertThat(findings("template-intrinsic-valid-escape")).isEmpty();
    }

    @Test
    void intrinsic_unknownFunction_isNotAValidIntrinsic() {
        assertThat(onlyError("template-unknown-intrinsic"))
                .isEqualTo(schemaError(pathOrIntrinsic("v.$"), "/States/P/Parameters"));
    }

    @Test
    void staticField_holdingAPath_isOnlyANoDollarWarning() {
        assertThat(findings("template-no-dollar")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(DiagnosticCode.NO_DOLLAR);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void fieldNamedWithAndWithoutDollarSuffix_isADuplicate() {
        assertThat(onlyError("template-duplicate-after-strip").location()).isEqualTo("/States/P/Parameters");
    }

    @Test
    void passResult_holdingAPath_isOnlyPassResultIsStaticWarning() {
        assertThat(findings("pass-result-with-path"))
                .singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo(DiagnosticCode.PASS_RESULT_IS_STATIC));
    }

    @Test
    void resultPath_pointingAtAVariable_isNotAValidResultPath() {
        assertThat(onlyError("result-path-variable"))
                .isEqualTo(schemaError(
                        "The value for the field 'ResultPath' must be a valid JSONPath", "/States/P/ResultPath"));
    }

    @Test
    void paths_setToNull_areAccepted() {
        assertThat(findings("result-path-null")).isEmpty();
    }

    @Test
    void inputPath_withoutDollar_isNotAPath() {
        assertThat(onlyError("input-path-not-a-path"))
                .isEqualTo(schemaError(
                        "The value for the field 'InputPath' must be a valid JSONPath", "/States/P/InputPath"));
    }
}
