package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.errors;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.StateMachineType;
import org.junit.jupiter.api.Test;

class TaskRulesTest {

    @Test
    void resource_notAnOptimizedIntegration_isNotRecognized() {
        assertThat(onlyError("task-unrecognized-resource"))
                .isEqualTo(schemaError(
                        "The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid"
                                + " resource ARN, or the resource is not available in this region.",
                        "/States/Query/Resource"));
    }

    @Test
    void resource_awsSdkIntegration_isRecognized() {
        assertThat(findings("task-aws-sdk")).isEmpty();
    }

    @Test
    void syncIntegration_inExpressMachine_isNotSupported() {
        assertThat(findings("task-sync")).isEmpty();
        assertThat(onlyError("task-sync", StateMachineType.EXPRESS))
                .isEqualTo(schemaError(
                        "Express state machine does not support '.sync' service integration", "/States/Run/Resource"));
    }

    @Test
    void waitForTaskToken_inExpressMachine_isNotSupportedWithAwsTrailingSpace() {
        assertThat(onlyError("task-wait-for-token", StateMachineType.EXPRESS))
                .isEqualTo(schemaError(
                        "Express state machine does not support '.waitForTaskToken' service integration ",
                        "/States/Publish/Resource"));
    }

    @Test
    void activity_inExpressMachine_isNotSupported() {
        assertThat(findings("task-activity")).isEmpty();
        assertThat(onlyError("task-activity", StateMachineType.EXPRESS))
                .isEqualTo(schemaError("Express state machine does not support Activity ARN", "/States/Work/Resource"));
    }

    @Test
    void timeoutSeconds_withTimeoutSecondsPath_isOnlyOneOfThem() {
        assertThat(onlyError("task-timeout-and-path"))
                .isEqualTo(schemaError(
                        "Only one of these fields can be present: [TimeoutSeconds, TimeoutSecondsPath]", "/States/T"));
    }

    @Test
    void heartbeatSeconds_notBelowTimeoutSeconds_isRejectedAtHeartbeat() {
        assertThat(onlyError("task-heartbeat-not-below-timeout").location()).isEqualTo("/States/T/HeartbeatSeconds");
    }

    @Test
    void timeoutSeconds_zero_isOutOfRange() {
        assertThat(onlyError("task-timeout-zero"))
                .isEqualTo(schemaError("Value must be greater than or equal to 1", "/States/T/TimeoutSeconds"));
    }

    @Test
    void credentials_withoutRoleArn_reportsOnlyTheMissingRole() {
        assertThat(onlyError("task-credentials-unknown-field"))
                .isEqualTo(schemaError("The field 'RoleArn' is required but was missing", "/States/T/Credentials"));
    }

    @Test
    void credentials_roleArnFromAPath_isAccepted() {
        assertThat(findings("task-credentials-role-path")).isEmpty();
    }

    @Test
    void retrierWithStatesAll_notLast_isRejectedAtTheRetrier() {
        assertThat(onlyError("retry-all-not-last").location()).isEqualTo("/States/T/Retry[0]");
    }

    @Test
    void statesAll_withOtherErrors_isRejectedAtErrorEquals() {
        assertThat(onlyError("retry-all-not-alone").location()).isEqualTo("/States/T/Retry[0]/ErrorEquals");
    }

    @Test
    void backoffRate_belowOne_isOutOfRange() {
        assertThat(onlyError("retry-backoff-below-one"))
                .isEqualTo(schemaError("Value must be greater than or equal to 1", "/States/T/Retry[0]/BackoffRate"));
    }

    @Test
    void jitterStrategy_unknown_listsItsValues() {
        assertThat(onlyError("retry-jitter-invalid"))
                .isEqualTo(schemaError(
                        "The field 'JitterStrategy' should have one of these values: [FULL, NONE]",
                        "/States/T/Retry[0]/JitterStrategy"));
    }

    @Test
    void catcher_withoutNext_requiresNext() {
        assertThat(errors("catch-without-next"))
                .containsExactly(schemaError("These fields are required: [Next]", "/States/T/Catch[0]"));
    }

    @Test
    void retry_onPassState_isNotSupported() {
        assertThat(onlyError("retry-on-pass")).isEqualTo(schemaError("Field 'Retry' is not supported", "/States/P"));
    }

    @Test
    void timeoutSeconds_beyondTheRangeOfADouble_isOutOfRange() {
        String definition = ValidationFixtures.text("task-timeout-zero")
                .replace("\"TimeoutSeconds\": 0", "\"TimeoutSeconds\": 1e400");
        assertThat(ValidationFixtures.findingsOfText(definition, StateMachineType.STANDARD))
                .containsExactly(
                        schemaError("Value must be less than or equal to 99999999", "/States/T/TimeoutSeconds"));
    }
}
