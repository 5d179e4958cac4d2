package io.stateway.history.execution;

import io.stateway.model.ExecutionStatus;
import java.time.Instant;

/**
 * An execution as the orchestrator's {@code executions} table holds it.
 *
 * @param id the row id, which history events and cursors refer to
 * @param lastEventId the id of its newest history event
 */
public record ExecutionRecord(
        long id,
        String executionArn,
        String stateMachineArn,
        String stateMachineName,
        String versionArn,
        String aliasArn,
        String definitionHash,
        String name,
        ExecutionStatus status,
        String input,
        String output,
        String error,
        String cause,
        Instant startDate,
        Instant stopDate,
        long lastEventId,
        int redriveCount,
        Instant redriveDate) {

    public boolean isOpen() {
        return status == ExecutionStatus.RUNNING;
    }
}
