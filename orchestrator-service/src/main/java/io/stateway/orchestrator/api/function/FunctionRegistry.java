package io.stateway.orchestrator.api.function;

import java.util.Optional;

/**
 * Where Lambda-compatible functions run: each function, registered by name or by ARN, is an HTTP
 * endpoint that receives the event and returns the result. The runtime's function invoker asks it
 * for every call, so registrations take effect at once.
 */
public interface FunctionRegistry {

    /**
     * The endpoint of a function: one registered under this exact (unqualified) ARN, else one
     * registered under the function's name; entries from the configuration first, then those
     * registered through the API.
     *
     * @param function a function ARN ({@code arn:aws:lambda:us-east-1:123456789012:function:orders},
     *     a {@code :qualifier} is ignored) or a bare function name
     * @return empty when no endpoint is registered (the invoker's {@code ResourceNotFoundException})
     */
    Optional<FunctionEndpoint> lookup(String function);
}
