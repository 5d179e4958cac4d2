package io.stateway.orchestrator.api.function;

import java.net.URI;
import java.time.Duration;

/**
 * An HTTP endpoint that runs a function.
 *
 * @param function the name or unqualified ARN the endpoint is registered under
 * @param url where the event is POSTed
 * @param timeout how long one call may take before it counts as timed out
 */
public record FunctionEndpoint(String function, URI url, Duration timeout) {}
