package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.history.HistoryEventType;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The execution side of the Step Functions API, as the runtime offers it to the API layer. Every
 * method throws {@link io.stateway.orchestrator.StepFunctionsException} with AWS's error code for
 * what the caller did wrong ({@code ExecutionDoesNotExist}, {@code ExecutionAlreadyExists},
 * {@code InvalidToken}, ...).
 */
public interface ExecutionService {

    /**
     * Starts an execution; idempotent by name: the same name and input while the first is open
     * returns the first, otherwise a used name is {@code ExecutionAlreadyExists}.
     */
    Started start(StartExecutionCommand command);

    /** Starts an Express execution in memory and returns at once; names are not de-duplicated. */
    Started startExpress(StartExecutionCommand command);

    /** Runs an Express execution to its end (StartSyncExecution). */
    SyncResult startSync(StartExecutionCommand command);

    /** Stops a running execution ({@code ExecutionAborted}); returns the stop date. */
    Instant stop(String executionArn, String error, String cause);

    ExecutionDescription describe(String executionArn);

    /**
     * Executions of a state machine (or of a version or alias, by their ARN), newest first.
     *
     * @param status only those in this status, or {@code null} for all
     * @param nextToken from the previous page, or {@code null}
     */
    Page<ExecutionDescription> list(String stateMachineArn, ExecutionStatus status, int maxResults, String nextToken);

    /** A page of an execution's history ({@code GetExecutionHistory}). */
    Page<StoredEvent> history(
            String executionArn, int maxResults, String nextToken, boolean reverseOrder, boolean includeExecutionData);

    /** Restarts a failed, timed-out or aborted execution from where it stopped; returns the redrive date. */
    Instant redrive(String executionArn, String clientToken);

    void sendTaskSuccess(String taskToken, String output);

    void sendTaskFailure(String taskToken, String error, String cause);

    void sendTaskHeartbeat(String taskToken);

    record Started(String executionArn, Instant startDate) {}

    /**
     * A history event as stored: its details object is already in AWS's shape (JSON payloads as
     * text); only the timestamp's rendering depends on the protocol.
     */
    record StoredEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type, JsonNode details) {}

    /** How a synchronous Express execution ended, with what StartSyncExecution reports. */
    record SyncResult(ExecutionDescription execution, long billedDurationMillis) {}

    /** A page of results and the token of the next, or {@code null} on the last page. */
    record Page<T>(List<T> items, String nextToken) {}

    /**
     * An execution as DescribeExecution reports it; {@code definition} is the definition it runs
     * (DescribeStateMachineForExecution).
     */
    record ExecutionDescription(
            String executionArn,
            String stateMachineArn,
            String stateMachineName,
            String versionArn,
            String aliasArn,
            String name,
            ExecutionStatus status,
            Instant startDate,
            Instant stopDate,
            String input,
            String output,
            String error,
            String cause,
            int redriveCount,
            Instant redriveDate,
            String traceHeader,
            String definition) {}
}
