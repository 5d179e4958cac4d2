package io.stateway.gateway.integration;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.IntegrationRequest;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import java.net.URI;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * AWS integration to Step Functions ({@code arn:aws:apigateway:<region>:states:action/StartExecution} or
 * {@code StartSyncExecution}): the mapped body is the action's request, sent to the orchestrator over the
 * AWS JSON 1.0 protocol; its answer goes through the integration responses, selected by status.
 */
@Component
final class StepFunctionsBackend implements Backend {

    private static final String TARGET = "orchestrator";

    private final BackendClient client;
    private final CircuitBreakers breakers;
    private final URI orchestrator;

    StepFunctionsBackend(BackendClient client, CircuitBreakers breakers, GatewayProperties properties) {
        this.client = client;
        this.breakers = breakers;
        this.orchestrator = properties.orchestrator().url();
    }

    @Override
    public Mono<Void> call(ServerWebExchange exchange, Invocation invocation, CompiledIntegration integration) {
        IntegrationRequest request = invocation.integrationRequest().orElseThrow();
        String uri = integration.definition().uri().orElseThrow();
        String action = uri.substring(uri.lastIndexOf('/') + 1);
        HeaderList headers = new HeaderList()
                .add("Content-Type", "application/x-amz-json-1.0")
                .add("X-Amz-Target", "AWSStepFunctions." + action)
                .add("X-Amzn-Trace-Id", invocation.ids().traceId());
        Duration timeout = Duration.ofMillis(integration.definition().timeoutMillis());
        return breakers.guard(TARGET, client.exchange("POST", orchestrator, headers, request.body(), timeout))
                .onErrorMap(failure -> BackendFailures.toGatewayError(failure, TARGET))
                .doOnNext(invocation::endpointResponse)
                .then();
    }
}
