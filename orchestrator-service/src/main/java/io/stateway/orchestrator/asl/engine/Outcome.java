package io.stateway.orchestrator.asl.engine;

import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.state.Fork;
import io.stateway.orchestrator.asl.state.TaskRequest;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Where an engine step left a cursor: its flow ended, or it waits for the runtime. */
public sealed interface Outcome {

    /** The flow reached its end; {@code output} is its output. */
    record Succeeded(JsonNode output) implements Outcome {}

    /** The flow failed and nothing in it caught the failure. */
    record Failed(Failure failure) implements Outcome {}

    /** Run this task, then advance the cursor with its result. */
    record AwaitingTask(TaskRequest request) implements Outcome {}

    /**
     * The task was submitted and waits for its token to be answered, at most until
     * {@code timeoutAt}, with a heartbeat at least every {@code heartbeatSeconds} if set.
     */
    record AwaitingCallback(Instant timeoutAt, Long heartbeatSeconds) implements Outcome {}

    /** Advance the cursor again at {@code dueAt}. */
    record AwaitingTimer(Instant dueAt) implements Outcome {}

    /** Start the fork's children, and advance the cursor when they are done. */
    record AwaitingChildren(Fork fork) implements Outcome {}
}
