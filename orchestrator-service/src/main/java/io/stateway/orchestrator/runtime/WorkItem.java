package io.stateway.orchestrator.runtime;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A row of the outbox as a worker claimed it; {@code fence} is the token that its result must
 * still match to be accepted.
 */
record WorkItem(
        long id,
        long executionId,
        String cursorId,
        Kind kind,
        Instant dueAt,
        JsonNode payload,
        long fence,
        int attempts) {

    enum Kind {
        /** Run the cursor's next states (after start, a child start, or a delivered resumption). */
        ADVANCE,
        /** A Wait state's or a retry back-off's time has come. */
        TIMER,
        /** Call the cursor's task (I/O, outside any transaction), then deliver its result. */
        TASK,
        /** A callback task's TimeoutSeconds elapsed. */
        TASK_TIMEOUT,
        /** A callback task's HeartbeatSeconds elapsed without a heartbeat. */
        HEARTBEAT_TIMEOUT,
        /** The execution's TimeoutSeconds elapsed. */
        EXECUTION_TIMEOUT
    }
}
