package io.stateway.gateway.integration;

import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.IntegrationUris;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Invokes a Lambda-style function over HTTP, as the Lambda Invoke API does: a POST of the event; the body
 * of the answer is the function's result, {@code X-Amz-Function-Error} marks an unhandled error, and
 * {@code X-Amz-Invocation-Type: Event} asks for an asynchronous call (answered 202, empty).
 */
@Component
class FunctionCalls {

    private final FunctionRegistry registry;
    private final BackendClient client;
    private final CircuitBreakers breakers;

    FunctionCalls(FunctionRegistry registry, BackendClient client, CircuitBreakers breakers) {
        this.registry = registry;
        this.client = client;
        this.breakers = breakers;
    }

    /** Where the integration's function is: a URL integration URI, or the function its ARN names. */
    Endpoint endpoint(Invocation invocation, CompiledIntegration integration) {
        String uri = IntegrationUris.render(
                integration.definition().uri().orElseThrow(),
                Map.of(),
                invocation.stage().orElseThrow().settings().variables());
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            URI url = BackendUris.of(uri, Map.of());
            return new Endpoint(url, BackendUris.target(url), true);
        }
        String function = FunctionRegistry.functionOf(uri)
                .orElseThrow(() -> GatewayError.configuration("Invalid Lambda function URI " + uri));
        URI url = registry.endpoint(function)
                .orElseThrow(() -> GatewayError.configuration("Function not found: " + function
                        + " (stateway.gateway.functions.endpoints has no URL for it)"));
        return new Endpoint(url, "function:" + function, false);
    }

    /** Invokes; the answer is the Invoke API's: status, headers, payload. */
    Mono<EndpointResponse> invoke(Endpoint endpoint, byte[] event, String invocationType, Duration timeout) {
        HeaderList headers =
                new HeaderList().add("Content-Type", "application/json").add("X-Amz-Invocation-Type", invocationType);
        Mono<EndpointResponse> call = endpoint.apiTarget()
                ? client.exchangeWithApiTarget("POST", endpoint.url(), headers, event, timeout)
                : client.exchange("POST", endpoint.url(), headers, event, timeout);
        return breakers.guard(endpoint.target(), call)
                .onErrorMap(failure -> BackendFailures.toGatewayError(failure, endpoint.target()));
    }

    /** Whether the function failed with an unhandled error (the Invoke API's {@code X-Amz-Function-Error}). */
    static boolean failed(EndpointResponse response) {
        return response.headers().contains("X-Amz-Function-Error");
    }

    /**
     * A function's URL and the name of its circuit breaker.
     *
     * @param apiTarget whether the API definition named the URL (then blocked addresses are refused) rather
     *     than the operator's function registry
     */
    record Endpoint(URI url, String target, boolean apiTarget) {}
}
