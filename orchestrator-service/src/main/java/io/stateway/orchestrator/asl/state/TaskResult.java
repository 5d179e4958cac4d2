package io.stateway.orchestrator.asl.state;

import tools.jackson.databind.JsonNode;

/** How a task ended, as its integration reports it. */
public sealed interface TaskResult {

    record Succeeded(JsonNode output) implements TaskResult {}

    /**
     * A callback task's integration accepted the work ({@code .waitForTaskToken}); the task ends
     * when someone answers with its token, or when it times out.
     */
    record Submitted(JsonNode output) implements TaskResult {}

    /** The task failed with an error name ({@code Lambda.Unknown}, a function's errorType, ...) and cause. */
    record Failed(String error, String cause) implements TaskResult {}

    /** {@code TimeoutSeconds} or {@code HeartbeatSeconds} elapsed. */
    record TimedOut(String error, String cause) implements TaskResult {}
}
