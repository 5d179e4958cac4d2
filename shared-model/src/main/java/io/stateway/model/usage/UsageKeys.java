package io.stateway.model.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The Redis counters of API key usage: the gateway increments one per admitted request, the
 * authorizer-service reads them for its usage report (AWS {@code GetUsage}).
 *
 * <p>A counter is {@code {keyPrefix}usage:{planId}:{keyId}:{yyyy-MM-dd}}, e.g. {@code
 * stateway:usage:p-1:k-2:2026-11-26}: a plain integer ({@code INCR}), one per usage plan, API key
 * and UTC day, kept for {@link #RETENTION}. The key prefix is the deployment's Redis key prefix
 * ({@code stateway:} by default), so that several deployments can share one Redis.
 */
public final class UsageKeys {

    /** How long a day's counter is kept: AWS reports usage of the last 90 days. */
    public static final Duration RETENTION = Duration.ofDays(90);

    private UsageKeys() {}

    /**
     * The counter of one plan, key and UTC day.
     *
     * @param keyPrefix the deployment's Redis key prefix, e.g. {@code stateway:}
     * @param planId the usage plan's id (no {@code :})
     * @param keyId the API key's id (no {@code :}), never the key itself
     * @param utcDay the day, in UTC
     */
    public static String counter(String keyPrefix, String planId, String keyId, LocalDate utcDay) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(utcDay, "utcDay");
        return keyPrefix + "usage:" + segment(planId, "planId") + ":" + segment(keyId, "keyId") + ":" + utcDay;
    }

    /** The counter of the UTC day {@code at} falls on. */
    public static String counter(String keyPrefix, String planId, String keyId, Instant at) {
        return counter(keyPrefix, planId, keyId, utcDay(at));
    }

    /** The UTC day {@code at} falls on: usage days change at midnight UTC, as in AWS. */
    public static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String segment(String id, String name) {
        if (id == null || id.isEmpty() || id.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must be non-empty and without ':', not " + id);
        }
        return id;
    }
}
