package io.stateway.model.history;

import java.util.Map;

/**
 * The details object of a history event, in AWS's shapes. JSON payloads ({@code input},
 * {@code output}, {@code parameters}, assigned variables) are JSON text, as AWS returns them.
 */
public sealed interface EventDetails {

    /** Whether a payload was cut to fit the event size limit. */
    record DataDetails(boolean truncated) {
        public static final DataDetails NOT_TRUNCATED = new DataDetails(false);
    }

    /** An error name and cause: execution failed/aborted/timed out, Lambda and activity failures. */
    record ErrorDetails(String error, String cause) implements EventDetails {}

    record ExecutionStarted(
            String input,
            DataDetails inputDetails,
            String roleArn,
            String stateMachineAliasArn,
            String stateMachineVersionArn)
            implements EventDetails {}

    /** An output and whether it was truncated: execution, Lambda and activity successes. */
    record OutputDetails(String output, DataDetails outputDetails) implements EventDetails {}

    record ExecutionRedriven(int redriveCount) implements EventDetails {}

    record StateEntered(String name, String input, DataDetails inputDetails) implements EventDetails {}

    record StateExited(
            String name,
            String output,
            DataDetails outputDetails,
            Map<String, String> assignedVariables,
            DataDetails assignedVariablesDetails)
            implements EventDetails {}

    record TaskScheduled(
            String resourceType,
            String resource,
            String region,
            String parameters,
            Long timeoutInSeconds,
            Long heartbeatInSeconds,
            Map<String, String> taskCredentials)
            implements EventDetails {}

    record TaskStarted(String resourceType, String resource) implements EventDetails {}

    /** A task that succeeded, or was submitted (the {@code .waitForTaskToken} / {@code .sync} start). */
    record TaskOutput(String resourceType, String resource, String output, DataDetails outputDetails)
            implements EventDetails {}

    /** A task that failed, timed out, or could not be started or submitted. */
    record TaskError(String resourceType, String resource, String error, String cause) implements EventDetails {}

    record LambdaFunctionScheduled(
            String resource,
            String input,
            DataDetails inputDetails,
            Long timeoutInSeconds,
            Map<String, String> taskCredentials)
            implements EventDetails {}

    record ActivityScheduled(
            String resource, String input, DataDetails inputDetails, Long timeoutInSeconds, Long heartbeatInSeconds)
            implements EventDetails {}

    record ActivityStarted(String workerName) implements EventDetails {}

    record MapStateStarted(int length) implements EventDetails {}

    record MapIteration(String name, int index) implements EventDetails {}

    record MapRunStarted(String mapRunArn) implements EventDetails {}

    record MapRunRedriven(String mapRunArn, int redriveCount) implements EventDetails {}

    record EvaluationFailed(String error, String cause, String location, String state) implements EventDetails {}
}
