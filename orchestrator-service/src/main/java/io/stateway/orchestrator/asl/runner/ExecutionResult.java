package io.stateway.orchestrator.asl.runner;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.history.HistoryEvent;
import io.stateway.orchestrator.asl.Failure;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How an execution ended, with its whole history.
 *
 * @param output the output when it succeeded, else {@code null}
 * @param failure the error and cause when it failed, else {@code null}
 */
public record ExecutionResult(
        ExecutionStatus status, JsonNode output, Failure failure, Instant stopDate, List<HistoryEvent> history) {}
