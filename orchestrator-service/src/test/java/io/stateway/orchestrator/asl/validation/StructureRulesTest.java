package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.errors;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.finding;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StructureRulesTest {

    @Test
    void minimalPassMachine_hasNoFindings() {
        assertThat(findings("pass-minimal")).isEmpty();
    }

    @Test
    void completeJsonPathMachine_usingEveryKindOfField_hasNoFindings() {
        assertThat(findings("complete-jsonpath-machine")).isEmpty();
    }

    @Test
    void completeJsonataMachine_usingEveryKindOfField_hasNoFindings() {
        assertThat(findings("complete-jsonata-machine")).isEmpty();
    }

    @Test
    void stateField_unknownToItsType_isNotSupportedAtTheState() {
        assertThat(onlyError("unknown-field"))
                .isEqualTo(schemaError("Field 'Colour' is not supported", "/States/Start"));
    }

    @Test
    void topLevelField_unknown_isNotSupportedAtTheRoot() {
        assertThat(onlyError("root-unknown-field")).isEqualTo(schemaError("Field 'Owner' is not supported", "/"));
    }

    @Test
    void topLevelTimeoutSeconds_zero_isOutOfRange() {
        assertThat(onlyError("root-timeout-zero"))
                .isEqualTo(schemaError("Value must be greater than or equal to 1", "/TimeoutSeconds"));
    }

    @Test
    void state_withoutType_requiresType() {
        assertThat(onlyError("missing-type"))
                .isEqualTo(schemaError("These fields are required: [Type]", "/States/Start"));
    }

    @Test
    void state_withUnknownType_listsTheEightTypes() {
        assertThat(onlyError("invalid-type"))
                .isEqualTo(schemaError(
                        "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
                        "/States/Start/Type"));
    }

    @Test
    void state_thatIsNotAnObject_isATypeError() {
        assertThat(errors("state-not-object"))
                .containsExactly(
                        schemaError("Expected value of type Object", "/States/Start"),
                        finding(DiagnosticCode.MISSING_END_STATE, "Workflow has no terminal state", null));
    }

    @Test
    void stateName_reusedInsideABranch_isDuplicateStateName() {
        assertThat(onlyError("duplicate-state-in-branch"))
                .isEqualTo(finding(
                        DiagnosticCode.DUPLICATE_STATE_NAME,
                        "Duplicate State name: Start",
                        "/States/Start/Branches[0]/States/Start"));
    }

    @Test
    void stateName_longerThanEightyCharacters_isInvalidStateName() {
        assertThat(onlyError("state-name-too-long").code()).isEqualTo(DiagnosticCode.INVALID_STATE_NAME);
    }

    @Test
    void states_empty_isValueCannotBeEmpty() {
        assertThat(onlyError("empty-states")).isEqualTo(schemaError("Value cannot be empty", "/States"));
    }

    @Test
    void parallel_withNoBranches_isValueCannotBeEmptyAtBranches() {
        assertThat(onlyError("parallel-empty-branches"))
                .isEqualTo(schemaError("Value cannot be empty", "/States/StateName/Branches"));
    }

    @Test
    void assign_onSucceed_isNotSupported() {
        assertThat(errors("assign-on-succeed"))
                .containsExactly(schemaError("Field 'Assign' is not supported", "/States/S"));
    }
}
