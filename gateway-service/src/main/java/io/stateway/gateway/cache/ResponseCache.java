package io.stateway.gateway.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.pipeline.MethodResponse;
import io.stateway.gateway.pipeline.Timeouts;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Cached responses in Redis, shared by every replica. Redis trouble never fails a request: a read that
 * errs or takes longer than the command timeout is a miss, a write that does is skipped; each such
 * decision is logged and counted ({@code stateway.gateway.cache.errors}).
 */
@Component
public class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

    private final ReactiveRedisTemplate<String, byte[]> redis;
    private final String keyPrefix;
    private final Duration timeout;
    private final long maxEntryBytes;
    private final Counter readErrors;
    private final Counter writeErrors;

    ResponseCache(ReactiveRedisConnectionFactory connections, GatewayProperties properties, MeterRegistry meters) {
        this.redis = new ReactiveRedisTemplate<>(
                connections,
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.string())
                        .value(RedisSerializer.byteArray())
                        .build());
        this.keyPrefix = properties.redis().keyPrefix();
        this.timeout = properties.cache().commandTimeout();
        this.maxEntryBytes = properties.cache().maxEntryBytes().toBytes();
        this.readErrors = Counter.builder("stateway.gateway.cache.errors")
                .description("Response cache reads and writes abandoned because Redis failed or was slow")
                .tag("operation", "read")
                .register(meters);
        this.writeErrors = Counter.builder("stateway.gateway.cache.errors")
                .description("Response cache reads and writes abandoned because Redis failed or was slow")
                .tag("operation", "write")
                .register(meters);
    }

    String keyPrefix() {
        return keyPrefix;
    }

    Mono<Optional<MethodResponse>> get(String key) {
        return Timeouts.within(redis.opsForValue().get(key), "response cache read", timeout)
                .map(CachedResponses::decode)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(failure -> {
                    readErrors.increment();
                    log.warn("Response cache read failed, serving from the integration: {}", failure.toString());
                    return Mono.just(Optional.empty());
                });
    }

    /** Stores a response unless its encoding is larger than the entry limit. */
    Mono<Void> put(String key, MethodResponse response, int ttlSeconds) {
        byte[] entry = CachedResponses.encode(response);
        if (entry.length > maxEntryBytes) {
            return Mono.empty();
        }
        return Timeouts.within(
                        redis.opsForValue().set(key, entry, Duration.ofSeconds(ttlSeconds)),
                        "response cache write",
                        timeout)
                .then()
                .onErrorResume(failure -> {
                    writeErrors.increment();
                    log.warn("Response cache write failed, the response is not cached: {}", failure.toString());
                    return Mono.empty();
                });
    }

    Mono<Void> remove(String key) {
        return Timeouts.within(redis.delete(key), "response cache invalidation", timeout)
                .then()
                .onErrorResume(failure -> {
                    writeErrors.increment();
                    log.warn("Response cache invalidation failed: {}", failure.toString());
                    return Mono.empty();
                });
    }

    /** Removes every entry of a stage (the admin API's flush); returns how many there were. */
    public Mono<Long> flush(String apiId, String stage) {
        String pattern = CacheKeys.stagePrefix(keyPrefix, apiId, stage).replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
        return redis.scan(ScanOptions.scanOptions().match(pattern).count(500).build())
                .buffer(500)
                .concatMap(keys -> redis.unlink(keys.toArray(String[]::new)))
                .reduce(0L, Long::sum);
    }
}
