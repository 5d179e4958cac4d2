package io.stateway.orchestrator.runtime;

/**
 * What the runtime needs to start an execution, resolved by the API layer from its state machine,
 * version or alias.
 *
 * @param stateMachineArn the state machine's (unqualified) ARN
 * @param versionArn the version that runs, or {@code null} for the latest revision
 * @param aliasArn the alias it was started through, or {@code null}
 * @param definition the definition text that runs
 * @param name the execution name, or {@code null} for a generated one
 * @param input the input as JSON text ({@code null}: {@code {}})
 * @param traceHeader the X-Ray trace header, or {@code null}
 */
public record StartExecutionCommand(
        String stateMachineArn,
        String stateMachineName,
        String versionArn,
        String aliasArn,
        String roleArn,
        String definition,
        String name,
        String input,
        String traceHeader) {}
