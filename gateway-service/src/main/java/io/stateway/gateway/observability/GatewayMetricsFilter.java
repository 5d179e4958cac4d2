package io.stateway.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.Invocation;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * API Gateway's CloudWatch metrics as Micrometer meters, per API, stage and route (resource and method):
 * {@code stateway.gateway.requests} (latency; {@code status} tag 2xx/3xx/4xx/5xx gives Count, 4XXError and
 * 5XXError), {@code stateway.gateway.integration.latency}, and {@code stateway.gateway.cache.requests}
 * ({@code result} hit or miss: CacheHitCount, CacheMissCount). Requests that match no route count under
 * {@code api="none"} so that probing unknown paths cannot grow the number of series.
 */
@Component
class GatewayMetricsFilter implements GlobalFilter, Ordered {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final Map<RouteStatus, Timer> requests = new ConcurrentHashMap<>();
    private final Map<Route, Timer> integrationLatency = new ConcurrentHashMap<>();
    private final Map<RouteStatus, Counter> cacheResults = new ConcurrentHashMap<>();

    GatewayMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return FilterOrder.METRICS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
                .doFinally(signal -> Invocation.find(exchange).ifPresent(invocation -> record(invocation, exchange)));
    }

    private void record(Invocation invocation, ServerWebExchange exchange) {
        Route route = Route.of(invocation);
        int status = invocation.status();
        if (status == 0 && exchange.getResponse().getStatusCode() != null) {
            status = exchange.getResponse().getStatusCode().value();
        }
        String statusClass = status >= 100 && status < 600 ? (status / 100) + "xx" : "none";
        requests.computeIfAbsent(
                        new RouteStatus(route, statusClass),
                        key -> Timer.builder("stateway.gateway.requests")
                                .description(
                                        "Requests the gateway answered, with their latency (API Gateway's Latency, Count, 4XXError, 5XXError)")
                                .tags(key.route().tags().and("status", key.value()))
                                .register(registry))
                .record(Duration.ofNanos(System.nanoTime() - invocation.startNanos()));
        if (invocation.integrationLatencyMillis() >= 0) {
            integrationLatency
                    .computeIfAbsent(
                            route,
                            key -> Timer.builder("stateway.gateway.integration.latency")
                                    .description(
                                            "Time from sending the integration request to its response (API Gateway's IntegrationLatency)")
                                    .tags(key.tags())
                                    .register(registry))
                    .record(Duration.ofMillis(invocation.integrationLatencyMillis()));
        }
        invocation
                .cacheResult()
                .ifPresent(result -> cacheResults
                        .computeIfAbsent(
                                new RouteStatus(route, result),
                                key -> Counter.builder("stateway.gateway.cache.requests")
                                        .description(
                                                "Cacheable requests by result (API Gateway's CacheHitCount, CacheMissCount)")
                                        .tags(key.route().tags().and("result", key.value()))
                                        .register(registry))
                        .increment());
    }

    /** The route a request counts under. */
    private record Route(String api, String stage, String resource, String method) {

        static Route of(Invocation invocation) {
            String method = invocation.request().httpMethod();
            method = METHODS.contains(method) ? method : "OTHER";
            if (invocation.match().isEmpty()) {
                return invocation
                        .stage()
                        .map(stage -> new Route(stage.api().apiId(), stage.name(), "none", "none"))
                        .orElse(new Route("none", "none", "none", "none"));
            }
            return new Route(
                    invocation.stage().orElseThrow().api().apiId(),
                    invocation.stage().orElseThrow().name(),
                    invocation.method().resource().path(),
                    method);
        }

        Tags tags() {
            return Tags.of("api", api, "stage", stage, "resource", resource, "method", method);
        }
    }

    private record RouteStatus(Route route, String value) {}
}
