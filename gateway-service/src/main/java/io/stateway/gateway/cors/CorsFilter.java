package io.stateway.gateway.cors;

import io.stateway.gateway.api.Cors;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.pipeline.MethodResponse;
import io.stateway.gateway.routing.RoutingTableHolder;
import io.stateway.gateway.routing.StageRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CORS of APIs that declare {@code x-amazon-apigateway-cors}, as API Gateway applies it: a preflight
 * ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered 204 by the
 * gateway itself, whatever the routes; other responses to an allowed origin get
 * {@code Access-Control-Allow-Origin} (and the exposed headers and credentials flag) in place of any the
 * backend sent. APIs without it handle CORS with their own methods (AWS's mock {@code OPTIONS}
 * integrations), which the pipeline serves like any other.
 */
@Component
class CorsFilter implements GlobalFilter, Ordered {

    private final RoutingTableHolder routes;

    CorsFilter(RoutingTableHolder routes) {
        this.routes = routes;
    }

    @Override
    public int getOrder() {
        return FilterOrder.CORS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Invocation invocation = Invocation.of(exchange);
        Optional<String> origin = invocation.request().headers().last("Origin");
        if (origin.isEmpty()) {
            return chain.filter(exchange);
        }
        Optional<Cors> cors = routes.current()
                .resolve(invocation.request().host(), invocation.request().rawPath())
                .map(StageRequest::stage)
                .flatMap(stage -> stage.api().api().cors());
        if (cors.isEmpty()) {
            return chain.filter(exchange);
        }
        boolean allowed = allows(cors.get().allowOrigins(), origin.get());
        boolean preflight = "OPTIONS".equals(invocation.request().httpMethod())
                && invocation.request().headers().contains("Access-Control-Request-Method");
        if (preflight) {
            HeaderList headers = new HeaderList();
            if (allowed) {
                preflightHeaders(cors.get(), origin.get(), invocation.request().headers(), headers);
            }
            invocation.methodResponse(new MethodResponse(204, headers, new byte[0]));
            return Mono.empty();
        }
        if (allowed) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.remove("Access-Control-Allow-Origin");
                headers.remove("Access-Control-Allow-Credentials");
                headers.remove("Access-Control-Expose-Headers");
                headers.set("Access-Control-Allow-Origin", allowOrigin(cors.get(), origin.get()));
                if (cors.get().allowCredentials()) {
                    headers.set("Access-Control-Allow-Credentials", "true");
                }
                if (!cors.get().exposeHeaders().isEmpty()) {
                    headers.set(
                            "Access-Control-Expose-Headers",
                            String.join(",", cors.get().exposeHeaders()));
                }
                if (!"*".equals(allowOrigin(cors.get(), origin.get()))) {
                    headers.add(HttpHeaders.VARY, "Origin");
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    private static void preflightHeaders(Cors cors, String origin, HeaderList request, HeaderList headers) {
        headers.add("Access-Control-Allow-Origin", allowOrigin(cors, origin));
        if (cors.allowCredentials()) {
            headers.add("Access-Control-Allow-Credentials", "true");
        }
        if (!cors.allowMethods().isEmpty()) {
            headers.add("Access-Control-Allow-Methods", String.join(",", cors.allowMethods()));
        }
        if (cors.allowHeaders().contains("*")) {
            // A wildcard does not cover credentialed requests: answer with the headers asked for.
            request.last("Access-Control-Request-Headers")
                    .ifPresent(asked -> headers.add("Access-Control-Allow-Headers", asked));
        } else if (!cors.allowHeaders().isEmpty()) {
            headers.add("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
        }
        if (cors.maxAgeSeconds() >= 0) {
            headers.add("Access-Control-Max-Age", Integer.toString(cors.maxAgeSeconds()));
        }
        if (!"*".equals(allowOrigin(cors, origin))) {
            headers.add("Vary", "Origin");
        }
    }

    private static boolean allows(List<String> origins, String origin) {
        for (String allowed : origins) {
            if (allowed.equals("*") || allowed.toLowerCase(Locale.ROOT).equals(origin.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} for any origin, except with credentials, where browsers need the origin itself. */
    private static String allowOrigin(Cors cors, String origin) {
        return cors.allowOrigins().contains("*") && !cors.allowCredentials() ? "*" : origin;
    }
}
