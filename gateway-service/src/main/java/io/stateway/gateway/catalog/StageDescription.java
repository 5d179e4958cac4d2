package io.stateway.gateway.catalog;

import java.time.Instant;

/** A stage as the admin API shows it. */
public record StageDescription(
        String apiId,
        String stageName,
        String deploymentId,
        StageSettings settings,
        Instant createdDate,
        Instant lastUpdatedDate) {}
