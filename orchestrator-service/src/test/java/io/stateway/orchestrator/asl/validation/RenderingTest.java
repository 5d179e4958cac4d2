package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.VALIDATOR;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.StateMachineType;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private static String createMessage(String definition) {
        return VALIDATOR
                .rejectionOnCreate(definition, StateMachineType.STANDARD)
                .orElseThrow()
                .message();
    }

    @Test
    void createError_joinsAllFindingsInAwsOrderInsideOneQuote() {
        assertThat(createMessage(text("several-problems")))
                .isEqualTo(
                        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: String does not match RFC3339"
                                + " timestamp at /States/W/Timestamp, MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at"
                                + " /States/pass1/Next, MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'");
    }

    @Test
    void createError_forFindingWithoutLocation_rendersAtNull() {
        assertThat(createMessage(text("no-terminal-state")))
                .isEqualTo(
                        "Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'");
    }

    @Test
    void createError_forBadLabel_isPythonValueErrorQuotingTheDefinition() {
        String definition = text("map-label-empty");
        assertThat(createMessage(definition))
                .isEqualTo("Error=ValueError Args=['Label cannot be empty'] in definition '" + definition + "'.");
    }

    @Test
    void labelValueError_quotesDoubleQuoteAndBackslashAsPythonDoes() {
        String quote = text("map-label-invalid-colon").replace("label_:", "label_\\\"");
        String backslash = text("map-label-invalid-colon").replace("label_:", "label_\\\\");
        String carriageReturn = text("map-label-invalid-colon").replace("label_:", "label_\\r");
        assertThat(createMessage(quote))
                .startsWith("Error=ValueError Args=['Label contains invalid character: \\'\"\\''] in");
        assertThat(createMessage(backslash))
                .startsWith("Error=ValueError Args=[\"Label contains invalid character: '\\\\\\\\'\"] in");
        assertThat(createMessage(carriageReturn))
                .startsWith("Error=ValueError Args=[\"Label contains invalid character: '\\\\r'\"] in");
    }

    @Test
    void createAccepts_definitionWithWarningsOnly() {
        assertThat(VALIDATOR.rejectionOnCreate(text("warnings-only"), StateMachineType.STANDARD))
                .isEmpty();
    }

    @Test
    void validate_errorSeverity_hidesWarningsAndSaysOk() {
        assertThat(VALIDATOR.validate(text("warnings-only"), StateMachineType.STANDARD, Severity.ERROR, 0))
                .isEqualTo(new ValidateDefinitionOutcome.Answered(
                        ValidateDefinitionOutcome.Result.OK, java.util.List.of(), false));
    }

    @Test
    void validate_warningSeverity_showsWarningsAndStillSaysOk() {
        assertThat(VALIDATOR.validate(text("warnings-only"), StateMachineType.STANDARD, Severity.WARNING, 0))
                .isInstanceOfSatisfying(ValidateDefinitionOutcome.Answered.class, answered -> {
                    assertThat(answered.result()).isEqualTo(ValidateDefinitionOutcome.Result.OK);
                    assertThat(answered.diagnostics()).hasSize(2).allMatch(f -> f.severity() == Severity.WARNING);
                });
    }

    @Test
    void validate_moreFindingsThanMaxResults_isTruncated() {
        assertThat(VALIDATOR.validate(text("several-problems"), StateMachineType.STANDARD, Severity.ERROR, 1))
                .isInstanceOfSatisfying(ValidateDefinitionOutcome.Answered.class, answered -> {
                    assertThat(answered.result()).isEqualTo(ValidateDefinitionOutcome.Result.FAIL);
                    assertThat(answered.diagnostics()).hasSize(1);
                    assertThat(answered.truncated()).isTrue();
                });
    }

    @Test
    void validate_definitionTooLong_isRejectedAsValidationException() {
        String huge = " ".repeat(DefinitionValidator.MAX_DEFINITION_LENGTH + 1);
        assertThat(VALIDATOR.validate(huge, StateMachineType.STANDARD, Severity.ERROR, 0))
                .isInstanceOfSatisfying(
                        ValidateDefinitionOutcome.Rejected.class,
                        rejected -> assertThat(rejected.rejection().type())
                                .isEqualTo(DefinitionRejection.Type.VALIDATION_EXCEPTION));
    }
}
