package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryLanguageRulesTest {

    @Test
    void jsonataState_withInputPath_isNotSupported() {
        assertThat(onlyError("ql-jsonata-state-input-path"))
                .isEqualTo(schemaError("Field 'InputPath' is not supported", "/States/X"));
    }

    @Test
    void jsonPathState_withOutput_isNotSupported() {
        assertThat(onlyError("ql-jsonpath-state-output"))
                .isEqualTo(schemaError("Field 'Output' is not supported", "/States/X"));
    }

    @Test
    void jsonPathState_inJsonataMachine_cannotDowngrade() {
        assertThat(onlyError("ql-downgrade"))
                .isEqualTo(schemaError(
                        "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
                        "/States/Pass"));
    }

    @Test
    void jsonataState_inJsonPathMachine_isAnAllowedUpgrade() {
        assertThat(findings("ql-upgrade")).isEmpty();
    }

    @Test
    void queryLanguage_misspelled_listsTheTwoLanguages() {
        assertThat(onlyError("ql-unknown-value"))
                .isEqualTo(schemaError(
                        "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]",
                        "/States/Pass/QueryLanguage"));
    }

    @Test
    void jsonataExpression_thatDoesNotParse_isReportedAtItsField() {
        assertThat(onlyError("ql-invalid-expression"))
                .isEqualTo(schemaError(
                        "The value for the field 'Output' must be a valid JSONata expression", "/States/X/Output"));
    }

    @Test
    void expressionSyntax_inJsonPathState_isJustAString() {
        assertThat(findings("ql-expression-in-jsonpath-is-literal")).isEmpty();
    }
}
