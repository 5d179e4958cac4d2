package io.stateway.gateway.integration;

import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** One kind of integration: calls its backend for a request. */
sealed interface Backend
        permits MockBackend, HttpBackend, HttpProxyBackend, LambdaProxyBackend, LambdaBackend, StepFunctionsBackend {

    /**
     * Calls the backend and records its answer as the invocation's endpoint response, or streams it to the
     * client (HTTP_PROXY).
     */
    Mono<Void> call(ServerWebExchange exchange, Invocation invocation, CompiledIntegration integration);
}
