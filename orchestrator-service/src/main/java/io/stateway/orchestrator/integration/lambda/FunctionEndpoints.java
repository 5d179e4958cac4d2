package io.stateway.orchestrator.integration.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where Lambda-compatible functions live: the function registry, as the HTTP invoker sees it. */
@FunctionalInterface
public interface FunctionEndpoints {

    /** The endpoint of a function, by its unqualified ARN; empty if no such function is registered. */
    Optional<Endpoint> find(String functionArn);

    /**
     * @param timeout how long one invocation may take, or {@code null} for the task's own timeout
     */
    record Endpoint(URI url, Duration timeout) {}
}
