package io.stateway.authorizer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of authorizer-service, under {@code stateway.authorizer}; defaults and their
 * documentation are in {@code application.yaml}, and docs/configuration.md lists them all.
 *
 * @param schema the PostgreSQL schema this service owns: Flyway migrates it, connections use it
 */
@Validated
@ConfigurationProperties("stateway.authorizer")
public record AuthorizerProperties(
        @NotNull
        @Pattern(
                regexp = "[a-z_][a-z0-9_]{0,62}",
                message = "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)")
        String schema) {}
