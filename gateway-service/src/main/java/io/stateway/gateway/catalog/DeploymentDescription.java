package io.stateway.gateway.catalog;

import java.time.Instant;

/** A deployment as the admin API lists it. */
public record DeploymentDescription(String id, String apiId, String description, Instant createdDate) {}
