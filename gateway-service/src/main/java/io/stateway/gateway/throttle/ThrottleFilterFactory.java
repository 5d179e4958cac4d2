package io.stateway.gateway.throttle;

import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Throttling and quotas: 429 {@code THROTTLED} ("Too Many Requests") when a token bucket of the request is
 * empty, 429 {@code QUOTA_EXCEEDED} ("Limit Exceeded") when its key's usage plan quota is used up, both with
 * {@code Retry-After}. Requests metered under a usage plan also get {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining}: the size of their tightest bucket and the whole tokens it has left. The
 * filter stands at two places of the chain ({@link FilterOrder}), each deciding the methods it is for.
 */
@Component
public class ThrottleFilterFactory extends AbstractGatewayFilterFactory<ThrottleFilterFactory.Config> {

    private final AdmissionPlanner planner;
    private final Limiter limiter;

    ThrottleFilterFactory(AdmissionPlanner planner, Limiter limiter) {
        super(Config.class);
        this.planner = planner;
        this.limiter = limiter;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    if (invocation.method().method().apiKeyRequired() != config.apiKeyMethods) {
                        return chain.filter(exchange);
                    }
                    return limiter.decide(planner.plan(invocation)).flatMap(decision -> {
                        HttpHeaders headers = exchange.getResponse().getHeaders();
                        if (invocation.usagePlan().isPresent() && decision.limit() > 0) {
                            headers.set("X-RateLimit-Limit", Integer.toString(decision.limit()));
                            headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                        }
                        if (decision.outcome() == Decision.Outcome.ADMITTED) {
                            return chain.filter(exchange);
                        }
                        headers.set(
                                HttpHeaders.RETRY_AFTER,
                                Long.toString(Math.ceilDiv(decision.retryAfterMillis(), 1000)));
                        return Mono.error(
                                decision.outcome() == Decision.Outcome.THROTTLED
                                        ? new GatewayError(GatewayResponseType.THROTTLED, 429, "Too Many Requests")
                                        : new GatewayError(GatewayResponseType.QUOTA_EXCEEDED, 429, "Limit Exceeded"));
                    });
                },
                config.apiKeyMethods ? FilterOrder.THROTTLE : FilterOrder.THROTTLE_BEFORE_AUTHENTICATION);
    }

    /**
     * Which methods this place in the chain decides; the limits come from the stage, the key's usage plan and
     * {@link ThrottlingProperties}.
     */
    public static final class Config {
        private boolean apiKeyMethods;

        /** Methods without an API key, decided before authentication. */
        public static Config beforeAuthentication() {
            return new Config();
        }

        /** Methods with an API key, decided once the key (and its usage plan) is known. */
        public static Config afterApiKey() {
            Config config = new Config();
            config.apiKeyMethods = true;
            return config;
        }
    }
}
