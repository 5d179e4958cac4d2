package io.stateway.orchestrator.api.execution;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.runtime.ExecutionService.ExecutionDescription;
import io.stateway.orchestrator.runtime.ExecutionService.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How executions and their events are reported: the shapes DescribeExecution, ListExecutions and GetExecutionHistory share. */
final class ExecutionData {

    /** ListExecutions' statusFilter values, in the order AWS lists them in its messages. */
    static final List<String> STATUSES =
            List.of("SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING");

    static final List<String> INCLUDED_DATA = List.of("ALL_DATA", "METADATA_ONLY");

    /** How long after it closed AWS lets an execution be redriven. */
    static final Duration REDRIVE_WINDOW = Duration.ofDays(14);

    private ExecutionData() {}

    /** AWS's {@code CloudWatchEventsExecutionDataDetails}: whether the data is in the response. */
    record DataDetails(Boolean included) {}

    /** Whether an execution can be redriven now, and why not: DescribeExecution's redriveStatus. */
    record Redrive(String status, String reason) {

        static Redrive of(ExecutionDescription execution, Instant now) {
            ExecutionStatus status = execution.status();
            return switch (status) {
                case RUNNING, PENDING_REDRIVE, SUCCEEDED ->
                    new Redrive("NOT_REDRIVABLE", "Execution is " + status + " and cannot be redriven");
                case FAILED, TIMED_OUT, ABORTED ->
                    execution.stopDate() != null
                                    && execution.stopDate().plus(REDRIVE_WINDOW).isBefore(now)
                            ? new Redrive(
                                    "NOT_REDRIVABLE", "Execution closed more than 14 days ago and cannot be redriven")
                            : new Redrive("REDRIVABLE", null);
            };
        }
    }

    /**
     * A history event in AWS's shape: {@code timestamp}, {@code type}, {@code id}, {@code
     * previousEventId} and the type's details member. A map, so that each face writes the
     * timestamp its own way.
     */
    static Map<String, Object> event(StoredEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timestamp", event.timestamp());
        json.put("type", event.type().name());
        json.put("id", event.id());
        json.put("previousEventId", event.previousEventId());
        if (event.details() != null && event.type().detailsKey() != null) {
            json.put(event.type().detailsKey(), event.details());
        }
        return json;
    }
}
