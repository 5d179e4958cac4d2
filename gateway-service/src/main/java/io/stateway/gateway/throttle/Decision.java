package io.stateway.gateway.throttle;

/**
 * The limiter's answer for one request.
 *
 * @param outcome admitted or why not
 * @param retryAfterMillis for a refusal, when a retry can succeed
 * @param limit the burst of the bucket with the fewest tokens left, 0 if none applied
 * @param remaining whole tokens left in that bucket
 */
record Decision(Outcome outcome, long retryAfterMillis, int limit, long remaining) {

    static final Decision FREE = new Decision(Outcome.ADMITTED, 0, 0, 0);

    enum Outcome {
        ADMITTED,
        THROTTLED,
        QUOTA_EXCEEDED
    }
}
