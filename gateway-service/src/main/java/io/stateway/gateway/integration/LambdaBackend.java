package io.stateway.gateway.integration;

import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.IntegrationRequest;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * AWS (non-proxy) to a Lambda-style function: the mapped body is the event ({@code {}} when empty), the
 * function's result (or its error JSON) goes through the integration responses, selected by the error's
 * {@code errorMessage}. {@code X-Amz-Invocation-Type: Event}, mapped as a header, makes the call
 * asynchronous.
 */
@Component
final class LambdaBackend implements Backend {

    private final FunctionCalls functions;

    LambdaBackend(FunctionCalls functions) {
        this.functions = functions;
    }

    @Override
    public Mono<Void> call(ServerWebExchange exchange, Invocation invocation, CompiledIntegration integration) {
        if (!integration.definition().httpMethod().orElse("").equals("POST")) {
            throw GatewayError.configuration("Lambda functions are invoked with POST, not "
                    + integration.definition().httpMethod().orElse("no method"));
        }
        IntegrationRequest request = invocation.integrationRequest().orElseThrow();
        FunctionCalls.Endpoint endpoint = functions.endpoint(invocation, integration);
        byte[] event =
                request.body().length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : request.body();
        String invocationType = request.headers().last("X-Amz-Invocation-Type").orElse("RequestResponse");
        Duration timeout = Duration.ofMillis(integration.definition().timeoutMillis());
        return functions
                .invoke(endpoint, event, invocationType, timeout)
                .doOnNext(answer -> {
                    if (answer.status() >= 300) {
                        throw GatewayError.internal(502, "the function's endpoint answered " + answer.status());
                    }
                })
                .doOnNext(invocation::endpointResponse)
                .then();
    }
}
