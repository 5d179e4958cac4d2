package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailRulesTest {

    @Test
    void error_withErrorPath_isOnlyOneOfThem() {
        assertThat(onlyError("fail-error-and-error-path"))
                .isEqualTo(schemaError("Only one of these fields can be present: [Error, ErrorPath]", "/States/F"));
    }

    @Test
    void errorPath_notAPath_mustBeAPathOrIntrinsic() {
        assertThat(onlyError("fail-error-path-invalid"))
                .isEqualTo(schemaError(
                        "The value for the field 'ErrorPath' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/F/ErrorPath"));
    }

    @Test
    void causePath_intrinsicFunction_isAccepted() {
        assertThat(findings("fail-cause-path-intrinsic")).isEmpty();
    }

    @Test
    void error_lookingLikeAPath_isOnlyANoPathWarning() {
        assertThat(findings("fail-error-looks-like-path")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(DiagnosticCode.NO_PATH);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location()).isEqualTo("/States/F/Error");
        });
    }

    @Test
    void fail_withEnd_isNotSupported() {
        assertThat(onlyError("fail-with-end")).isEqualTo(schemaError("Field 'End' is not supported", "/States/F"));
    }
}
