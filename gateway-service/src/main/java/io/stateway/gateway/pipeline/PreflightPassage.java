package io.stateway.gateway.pipeline;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets CORS preflight requests reach the data plane. Spring's handler mappings answer every preflight
 * themselves (200, no headers) before any gateway filter runs; API Gateway instead answers them from the
 * API (its {@code x-amazon-apigateway-cors}, or the API's own {@code OPTIONS} methods). So the request
 * travels on without {@code Access-Control-Request-Method}, which makes it an ordinary OPTIONS request to
 * Spring, and the pipeline reads the request as it arrived ({@link #original}).
 */
@Component
class PreflightPassage implements WebFilter, Ordered {

    private static final String ORIGINAL = PreflightPassage.class.getName() + ".original";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isPreFlightRequest(request)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest plain = request.mutate()
                .headers(headers -> headers.remove(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))
                .build();
        ServerWebExchange passed = exchange.mutate().request(plain).build();
        passed.getAttributes().put(ORIGINAL, request);
        return chain.filter(passed);
    }

    /** The request as the client sent it. */
    static ServerHttpRequest original(ServerWebExchange exchange) {
        ServerHttpRequest original = exchange.getAttribute(ORIGINAL);
        return original != null ? original : exchange.getRequest();
    }
}
