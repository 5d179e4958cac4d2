package io.stateway.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of gateway-service, under {@code stateway.gateway}; defaults and their documentation are
 * in {@code application.yaml}, and docs/configuration.md lists them all.
 *
 * @param schema the PostgreSQL schema this service owns (API definitions, stages): Flyway migrates
 *     it, connections use it
 * @param redis how the gateway uses Redis
 */
@Validated
@ConfigurationProperties("stateway.gateway")
public record GatewayProperties(
        @NotNull
        @Pattern(
                regexp = "[a-z_][a-z0-9_]{0,62}",
                message = "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)")
        String schema,

        @NotNull @Valid Redis redis) {

    /**
     * @param keyPrefix put in front of every key the gateway writes (rate limits, quotas, cached
     *     responses), so that several deployments, or test classes, can share one Redis
     */
    public record Redis(@NotBlank String keyPrefix) {}
}
