package io.stateway.gateway.throttle;

/** How requests are decided while Redis, which holds the shared buckets and quotas, cannot be reached. */
public enum RedisFailureMode {
    /** Token buckets in this replica's memory, with the same limits; quotas are not counted meanwhile. */
    LOCAL,
    /** Every request is admitted. */
    OPEN,
    /** Every request is refused with 429 Too Many Requests. */
    CLOSED
}
