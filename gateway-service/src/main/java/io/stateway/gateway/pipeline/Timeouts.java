package io.stateway.gateway.pipeline;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * {@link Mono#timeout} for calls on the request path. A timeout describes its source on every subscription
 * (for the message of a {@link java.util.concurrent.TimeoutException}): unnamed, that is a stream over the
 * source's whole operator chain and a regular expression on each class name, 2% of a proxied request. A
 * named source is described by its name, at no cost.
 */
public final class Timeouts {

    private Timeouts() {}

    /** The source, failing with a {@link java.util.concurrent.TimeoutException} after the limit. */
    public static <T> Mono<T> within(Mono<T> source, String name, Duration limit) {
        return source.name(name).timeout(limit);
    }
}
