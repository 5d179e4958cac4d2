package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.Failure;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a state reports when it stops running: done, failed, or waiting for the outside world. */
public sealed interface StepResult {

    /**
     * The state finished: its output, the variables it assigns, and the state to go to ({@code null}
     * to follow its own {@code Next}/{@code End}).
     */
    record Completed(JsonNode output, Map<String, JsonNode> assigned, String next) implements StepResult {
        public Completed(JsonNode output) {
            this(output, Map.of(), null);
        }
    }

    /** The state failed; its {@code Retry} and {@code Catch} apply. */
    record Failed(Failure failure) implements StepResult {}

    /** Call a task outside the engine and resume with its result. */
    record AwaitTask(TaskRequest request) implements StepResult {}

    /**
     * Wait for a callback (SendTaskSuccess/Failure), at most until {@code timeoutAt}; a heartbeat
     * is due every {@code heartbeatSeconds} ({@code null}: none required).
     */
    record AwaitCallback(Instant timeoutAt, Long heartbeatSeconds) implements StepResult {}

    /** Resume at {@code dueAt}. */
    record AwaitTimer(Instant dueAt) implements StepResult {}

    /** Run child flows (Parallel branches, Map iterations) and resume when they are done. */
    record AwaitChildren(Fork fork) implements StepResult {}
}
