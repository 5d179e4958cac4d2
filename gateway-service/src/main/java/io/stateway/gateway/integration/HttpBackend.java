package io.stateway.gateway.integration;

import io.stateway.gateway.pipeline.IntegrationRequest;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** HTTP (non-proxy): sends the mapped request, reads the whole response for the response mapping. */
@Component
final class HttpBackend implements Backend {

    static final Set<String> NO_BODY_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final BackendClient client;
    private final CircuitBreakers breakers;

    HttpBackend(BackendClient client, CircuitBreakers breakers) {
        this.client = client;
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> call(ServerWebExchange exchange, Invocation invocation, CompiledIntegration integration) {
        IntegrationRequest request = invocation.integrationRequest().orElseThrow();
        URI uri = BackendUris.of(request.uri(), request.query());
        String target = BackendUris.target(uri);
        byte[] body = NO_BODY_METHODS.contains(request.httpMethod()) ? null : request.body();
        Duration timeout = Duration.ofMillis(integration.definition().timeoutMillis());
        return breakers.guard(
                        target,
                        client.exchangeWithApiTarget(request.httpMethod(), uri, request.headers(), body, timeout))
                .onErrorMap(failure -> BackendFailures.toGatewayError(failure, target))
                .doOnNext(invocation::endpointResponse)
                .then();
    }
}
