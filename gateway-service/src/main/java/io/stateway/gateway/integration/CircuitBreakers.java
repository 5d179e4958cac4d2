package io.stateway.gateway.integration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.framing.MalformedRequestBodyException;
import io.stateway.gateway.pipeline.GatewayError;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j circuit breaker per backend target. Failures to get an answer (connection errors,
 * timeouts, broken responses) count, a client body that broke on its way does not; answers, whatever their
 * status, are successes (a backend's 500 is its answer, passed on as AWS does). An open breaker answers 504
 * {@code INTEGRATION_FAILURE} without calling the backend.
 */
@Component
public class CircuitBreakers {

    private final CircuitBreakerRegistry registry;

    public CircuitBreakers(GatewayProperties properties) {
        GatewayProperties.CircuitBreaker settings = properties.integrations().circuitBreaker();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(settings.slidingWindowSize())
                .waitDurationInOpenState(settings.waitInOpenState())
                .build());
    }

    /** Runs the call under the target's breaker. */
    public <T> Mono<T> guard(String target, Mono<T> call) {
        CircuitBreaker breaker = registry.circuitBreaker(target);
        return Mono.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(new GatewayError(
                        GatewayResponseType.INTEGRATION_FAILURE,
                        504,
                        "Internal server error",
                        new IllegalStateException("circuit breaker of " + target + " is open")));
            }
            long start = System.nanoTime();
            return call.doOnSuccess(value -> breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS))
                    .doOnError(failure -> {
                        if (MalformedRequestBodyException.isCauseOf(failure)) {
                            // The client's body broke, not the backend: it does not count against the backend.
                            breaker.releasePermission();
                        } else {
                            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                        }
                    })
                    .doOnCancel(breaker::releasePermission);
        });
    }

    /** The state of a target's breaker, for tests and metrics. */
    public CircuitBreaker.State state(String target) {
        return registry.circuitBreaker(target).getState();
    }
}
