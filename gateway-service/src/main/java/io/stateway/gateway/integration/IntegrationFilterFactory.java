package io.stateway.gateway.integration;

import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.pipeline.ContextBarrier;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Calls the method's integration (the last filter: nothing follows it in the chain), under the
 * integration's timeout (29 s by default) and its target's circuit breaker.
 */
@Component
public class IntegrationFilterFactory extends AbstractGatewayFilterFactory<IntegrationFilterFactory.Config> {

    private final MockBackend mock;
    private final HttpBackend http;
    private final HttpProxyBackend httpProxy;
    private final LambdaProxyBackend lambdaProxy;
    private final LambdaBackend lambda;
    private final StepFunctionsBackend stepFunctions;

    IntegrationFilterFactory(
            MockBackend mock,
            HttpBackend http,
            HttpProxyBackend httpProxy,
            LambdaProxyBackend lambdaProxy,
            LambdaBackend lambda,
            StepFunctionsBackend stepFunctions) {
        super(Config.class);
        this.mock = mock;
        this.http = http;
        this.httpProxy = httpProxy;
        this.lambdaProxy = lambdaProxy;
        this.lambda = lambda;
        this.stepFunctions = stepFunctions;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    CompiledIntegration integration =
                            invocation.method().integration().orElseThrow();
                    Backend backend = backend(integration);
                    long started = System.nanoTime();
                    return ContextBarrier.at(Mono.defer(() -> backend.call(exchange, invocation, integration)))
                            .doOnSuccess(done -> {
                                if (!invocation.streamed()) {
                                    invocation.integrationDone(
                                            (System.nanoTime() - started) / 1_000_000,
                                            invocation
                                                    .endpointResponse()
                                                    .map(r -> r.status())
                                                    .orElse(-1));
                                }
                            });
                },
                FilterOrder.INTEGRATION);
    }

    private Backend backend(CompiledIntegration integration) {
        IntegrationType type = integration.definition().type();
        return switch (type) {
            case MOCK -> mock;
            case HTTP -> http;
            case HTTP_PROXY -> httpProxy;
            case AWS_PROXY -> lambdaProxy;
            case AWS -> {
                String uri = integration.definition().uri().orElse("");
                if (uri.contains(":states:action/")) {
                    yield stepFunctions;
                }
                if (uri.contains(":lambda:path/")) {
                    yield lambda;
                }
                throw GatewayError.configuration("Unsupported AWS integration " + uri);
            }
        };
    }

    /** No settings: integrations come from the API's document. */
    public static final class Config {}
}
