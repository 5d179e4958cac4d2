package io.stateway.gateway.throttle;

import java.util.List;
import java.util.Optional;

/**
 * What admitting one request takes: a token from each bucket and, for a request with an API key, one
 * request of its plan's quota and of its daily usage.
 *
 * @param buckets account, method and key buckets that apply
 * @param meter the key's counters, if the request has a key
 */
record Admission(List<Bucket> buckets, Optional<Meter> meter) {

    Admission {
        buckets = List.copyOf(buckets);
    }

    boolean isFree() {
        return buckets.isEmpty() && meter.isEmpty();
    }

    /**
     * The counters of an API key under its usage plan.
     *
     * @param quotaKey this period's request count
     * @param firstPeriodKey remembers the key's first period, the one the plan's offset applies to
     * @param usageKey today's usage count, as the authorizer's GetUsage reads it
     * @param quotaLimit requests per period, -1 for no quota
     * @param quotaOffset requests already counted in the first period
     * @param period the period's label
     * @param periodEndEpochSecond when the period ends
     * @param usageTtlSeconds how long the usage count is kept
     */
    record Meter(
            String quotaKey,
            String firstPeriodKey,
            String usageKey,
            long quotaLimit,
            long quotaOffset,
            String period,
            long periodEndEpochSecond,
            long usageTtlSeconds) {}
}
