package io.stateway.gateway.pipeline;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@link ContextBarrier} under everything WebFlux runs for a request (handler mappings, the gateway's
 * filters): their context lookups stop here instead of walking on through Spring's and Reactor Netty's
 * request handling.
 */
@Component
class ContextBarrierFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after PreflightPassage
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ContextBarrier.at(chain.filter(exchange));
    }
}
