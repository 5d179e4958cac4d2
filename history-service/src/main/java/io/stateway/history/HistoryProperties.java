package io.stateway.history;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of history-service, under {@code stateway.history}; defaults and their documentation are
 * in {@code application.yaml}, and docs/configuration.md lists them all.
 *
 * @param sourceSchema the orchestrator's schema, which this service reads (and never writes)
 * @param pageTokens how {@code nextToken}s are signed
 * @param live the limits of live event streams
 */
@Validated
@ConfigurationProperties("stateway.history")
public record HistoryProperties(
        @NotNull
        @Pattern(
                regexp = "[a-z_][a-z0-9_]{0,62}",
                message = "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)")
        String sourceSchema,

        @NotNull @Valid PageTokens pageTokens,

        @NotNull @Valid Live live) {

    /**
     * @param key the HMAC-SHA256 key that signs page tokens, at least 32 characters; empty: a random
     *     key per instance (tokens then only work on the instance that issued them)
     * @param ttl how long a token stays valid (AWS: 24 hours)
     */
    public record PageTokens(
            @NotNull @Pattern(regexp = "|.{32,}", message = "must be empty or at least 32 characters long")
            String key,

            @NotNull Duration ttl) {}

    /**
     * @param maxStreams live streams one instance serves at once; more are refused with 429
     * @param pollInterval how often followed executions are checked for new events
     * @param heartbeat how long a stream may stay silent before a comment line keeps proxies from closing it
     * @param maxDuration how long one stream lasts at most; the client reconnects with Last-Event-ID
     */
    public record Live(
            @Min(1) @Max(100_000) int maxStreams,
            @NotNull Duration pollInterval,
            @NotNull Duration heartbeat,
            @NotNull Duration maxDuration) {}
}
