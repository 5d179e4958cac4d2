package io.stateway.gateway.throttle;

/**
 * A token bucket a request takes one token from.
 *
 * @param key its Redis key (and the key of its local stand-in)
 * @param rate tokens added per second
 * @param burst the bucket's size
 */
record Bucket(String key, double rate, int burst) {}
