package io.stateway.gateway.throttle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the throttling and quota filter, under {@code stateway.gateway.throttling}; defaults and
 * their documentation are in {@code application.yaml}.
 *
 * @param account the limit of every request of this gateway (AWS's account-level throttle)
 * @param redisFailureMode what decides while Redis cannot be reached
 * @param commandTimeout how long one limiter call to Redis may take before the request is decided locally
 * @param redisRetryInterval after a failed call, how long requests are decided locally before Redis is tried
 *     again
 * @param degradedLogInterval at most one log line per interval summarises the decisions taken without Redis
 * @param localReplicas how many gateway replicas share the limits: in {@link RedisFailureMode#LOCAL} each
 *     replica's buckets take this share of every rate and burst, so that the replicas together admit about the
 *     limit rather than this many times it
 */
@Validated
@ConfigurationProperties("stateway.gateway.throttling")
public record ThrottlingProperties(
        @NotNull @Valid Account account,
        @NotNull RedisFailureMode redisFailureMode,
        @NotNull Duration commandTimeout,
        @NotNull Duration redisRetryInterval,
        @NotNull Duration degradedLogInterval,
        @Positive int localReplicas) {

    /**
     * @param rateLimit steady requests per second
     * @param burstLimit bucket size; 0 turns the account limit off
     */
    public record Account(
            @PositiveOrZero double rateLimit,
            @PositiveOrZero int burstLimit) {}
}
