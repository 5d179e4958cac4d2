package io.stateway.orchestrator.asl.state;

import tools.jackson.databind.JsonNode;

/**
 * A task to run outside the engine.
 *
 * @param resource the state's {@code Resource}
 * @param parameters the effective parameters (the function payload, the service request)
 * @param timeoutSeconds the task's timeout, or {@code null} for the default
 * @param heartbeatSeconds the heartbeat timeout, or {@code null} for none
 * @param credentials the state's {@code Credentials}, or {@code null}
 * @param taskToken the token a callback task ({@code .waitForTaskToken}) is answered with, else {@code null}
 */
public record TaskRequest(
        TaskResource resource,
        JsonNode parameters,
        Long timeoutSeconds,
        Long heartbeatSeconds,
        JsonNode credentials,
        String taskToken) {}
