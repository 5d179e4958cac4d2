package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.errors;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.finding;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitionRulesTest {

    private static Finding missing(String target, String location) {
        return finding(DiagnosticCode.MISSING_TRANSITION_TARGET, "Missing 'Next' target: " + target, location);
    }

    private static Finding unreachable(String state, String location) {
        return finding(DiagnosticCode.MISSING_TRANSITION_TARGET, "State \"" + state + "\" is not reachable.", location);
    }

    @Test
    void state_withNextAndEnd_isOnlyOneOfThem() {
        assertThat(onlyError("next-and-end"))
                .isEqualTo(schemaError("Only one of these fields can be present: [Next, End]", "/States/Start"));
    }

    @Test
    void state_withNeitherNextNorEnd_needsExactlyOne() {
        assertThat(errors("neither-next-nor-end"))
                .containsExactly(
                        schemaError("Exactly one of these fields is required: [Next, End]", "/States/Start"),
                        unreachable("Done", "/States/Done"));
    }

    @Test
    void choice_withEnd_isNotSupported() {
        assertThat(onlyError("choice-with-end")).isEqualTo(schemaError("Field 'End' is not supported", "/States/C"));
    }

    @Test
    void missingNextTarget_comesBeforeTheUnreachableState() {
        assertThat(errors("missing-next-target"))
                .containsExactly(missing("pass3", "/States/pass1/Next"), unreachable("pass2", "/States/pass2"));
    }

    @Test
    void choiceDefault_naminNoState_isMissingTargetAtDefault() {
        assertThat(onlyError("choice-default-missing")).isEqualTo(missing("Ghost", "/States/C/Default"));
    }

    @Test
    void catcherNext_namingNoState_isMissingTargetAtTheCatcher() {
        assertThat(onlyError("catch-next-missing")).isEqualTo(missing("Ghost", "/States/T/Catch[0]/Next"));
    }

    @Test
    void startAt_namingNoState_isMissingTargetAtStartAt() {
        assertThat(onlyError("start-at-missing")).isEqualTo(missing("Nowhere", "/StartAt"));
    }

    @Test
    void unreachableStateInABranch_isReportedAtItsNestedLocation() {
        assertThat(onlyError("unreachable-in-branch"))
                .isEqualTo(unreachable("Ghost", "/States/P/Branches[0]/States/Ghost"));
    }

    @Test
    void topLevelWithoutTerminalState_isMissingEndStateOnly() {
        assertThat(onlyError("no-terminal-state"))
                .isEqualTo(finding(DiagnosticCode.MISSING_END_STATE, "Workflow has no terminal state", null));
    }
}
