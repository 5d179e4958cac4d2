package io.stateway.gateway.catalog;

import java.time.Instant;

/**
 * An API key as the admin API shows it.
 *
 * @param value the key itself: only in the answer that created it, null afterwards
 * @param prefix its first characters, to recognise it
 */
public record ApiKeyDescription(
        String id,
        String name,
        String value,
        String prefix,
        boolean enabled,
        Instant createdDate,
        Instant lastUpdatedDate) {}
