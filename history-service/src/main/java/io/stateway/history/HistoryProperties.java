package io.stateway.history;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of history-service, under {@code stateway.history}; defaults and their documentation are
 * in {@code application.yaml}, and docs/configuration.md lists them all.
 *
 * @param sourceSchema the orchestrator's schema, which this service reads (and never writes)
 */
@Validated
@ConfigurationProperties("stateway.history")
public record HistoryProperties(
        @NotNull
        @Pattern(
                regexp = "[a-z_][a-z0-9_]{0,62}",
                message = "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)")
        String sourceSchema) {}
