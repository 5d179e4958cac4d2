package io.stateway.gateway.catalog;

import java.util.Set;

/** A usage plan as the admin API shows it, with the ids of its keys. */
public record UsagePlanDescription(String id, UsagePlan plan, Set<String> apiKeyIds) {}
