package io.stateway.orchestrator.asl.definition;

import java.time.Duration;
import java.util.List;

/**
 * One element of a {@code Retry} list.
 *
 * @param maxDelaySeconds caps the back-off, or {@code null} for no cap
 */
public record Retrier(
        List<String> errorEquals,
        double intervalSeconds,
        int maxAttempts,
        double backoffRate,
        Long maxDelaySeconds,
        JitterStrategy jitterStrategy) {

    public static final double DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public enum JitterStrategy {
        NONE,
        FULL
    }

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean matches(String error) {
        return ErrorMatch.matches(errorEquals, error);
    }

    /**
     * The back-off before retry number {@code attempt} (0 for the first retry): the interval times
     * the rate to the power of the attempt, capped, then jittered by {@code random} in [0, 1).
     */
    public Duration delay(int attempt, double random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, attempt);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (jitterStrategy == JitterStrategy.FULL) {
            seconds = seconds * random;
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }
}
