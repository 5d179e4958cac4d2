package io.stateway.gateway.pipeline;

import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Ends the walk of Reactor's context lookups at a stage of the pipeline. An operator that needs the
 * subscriber context (Reactor Netty's client, timeouts, Redis commands) asks its subscriber, which asks
 * its own, down every operator of every filter and of Spring's web handling: a dozen such lookups per
 * request over a chain of 30 to 60 subscribers were 8–10% of a proxied request's CPU (JFR, bench/gateway).
 * The barrier holds the context it was subscribed with (contexts never change after subscription), so
 * lookups above it stop there; what reaches the operators is the same context.
 */
public final class ContextBarrier {

    private ContextBarrier() {}

    public static <T> Mono<T> at(Mono<T> stage) {
        return stage.contextWrite(Function.identity());
    }
}
