package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.json.Json;
import java.time.Instant;

/** A row of {@code executions}. */
record ExecutionRow(
        long id,
        String arn,
        String stateMachineArn,
        String stateMachineName,
        String versionArn,
        String aliasArn,
        String definitionHash,
        String name,
        String roleArn,
        ExecutionStatus status,
        String input,
        String output,
        String error,
        String cause,
        Instant startDate,
        Instant stopDate,
        long lastEventId,
        int redriveCount,
        Instant redriveDate,
        String traceHeader) {

    /** What the engine sees of this execution ({@code $$.Execution}, {@code $$.StateMachine}). */
    ExecutionContext context() {
        return new ExecutionContext(
                arn,
                name,
                Json.parse(input),
                startDate,
                roleArn,
                versionArn != null ? versionArn : stateMachineArn,
                stateMachineName,
                redriveCount);
    }
}
