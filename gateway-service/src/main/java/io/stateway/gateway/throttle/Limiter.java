package io.stateway.gateway.throttle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stateway.gateway.pipeline.ContextBarrier;
import io.stateway.gateway.pipeline.Timeouts;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides a request in Redis, or, when Redis does not answer within the command timeout, by the
 * configured {@link RedisFailureMode}. After a failure Redis is left alone for the retry interval (the
 * Lettuce client reconnects meanwhile and rejects commands while disconnected, so nothing waits on it).
 * Every decision taken without Redis is counted ({@code stateway.gateway.throttle.degraded}) and
 * summarised in a log line at most once per log interval.
 */
@Component
class Limiter {

    private static final Logger log = LoggerFactory.getLogger(Limiter.class);
    private static final Decision CLOSED = new Decision(Decision.Outcome.THROTTLED, 1000, 0, 0);

    private final RedisBuckets redis;
    private final LocalBuckets local;
    private final ThrottlingProperties properties;
    private final long retryNanos;
    private final long logNanos;
    private final Counter degraded;
    private final Map<Decision.Outcome, Counter> decisions = new EnumMap<>(Decision.Outcome.class);
    private final AtomicLong redisBlockedUntil = new AtomicLong(System.nanoTime());
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicLong unlogged = new AtomicLong();
    private volatile String lastCause = "";

    Limiter(RedisBuckets redis, LocalBuckets local, ThrottlingProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.local = local;
        this.properties = properties;
        this.retryNanos = properties.redisRetryInterval().toNanos();
        this.logNanos = properties.degradedLogInterval().toNanos();
        this.degraded = Counter.builder("stateway.gateway.throttle.degraded")
                .description("Throttling decisions taken without Redis")
                .tag("mode", properties.redisFailureMode().name())
                .register(meters);
        for (Decision.Outcome outcome : Decision.Outcome.values()) {
            decisions.put(
                    outcome,
                    Counter.builder("stateway.gateway.throttle.decisions")
                            .description("Throttling and quota decisions")
                            .tag("outcome", outcome.name())
                            .register(meters));
        }
    }

    Mono<Decision> decide(Admission admission) {
        if (admission.isFree()) {
            return Mono.just(Decision.FREE);
        }
        Mono<Decision> decision;
        if (System.nanoTime() - redisBlockedUntil.get() < 0) {
            decision = Mono.fromSupplier(() -> degraded(admission, null));
        } else {
            decision = Timeouts.within(
                            ContextBarrier.at(redis.admit(admission)), "throttle", properties.commandTimeout())
                    .onErrorResume(failure -> Mono.fromSupplier(() -> degraded(admission, failure)));
        }
        return decision.doOnNext(d -> decisions.get(d.outcome()).increment());
    }

    private Decision degraded(Admission admission, Throwable failure) {
        long now = System.nanoTime();
        if (failure != null) {
            redisBlockedUntil.set(now + retryNanos);
            lastCause = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        degraded.increment();
        long count = unlogged.incrementAndGet();
        long last = lastLog.get();
        if (now - last >= logNanos && lastLog.compareAndSet(last, now)) {
            unlogged.addAndGet(-count);
            log.warn(
                    "Redis unreachable for rate limits and quotas ({}): {} request(s) decided in {} mode since the"
                            + " last report",
                    lastCause,
                    count,
                    properties.redisFailureMode());
        }
        return switch (properties.redisFailureMode()) {
            case LOCAL -> local.admit(admission);
            case OPEN -> Decision.FREE;
            case CLOSED -> CLOSED;
        };
    }
}
