package io.stateway.authorizer.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An API key as the admin API shows it (AWS's {@code ApiKey} shape, plus the visible prefix).
 *
 * @param id its id
 * @param value the key itself: only in the answer that creates or rotates it, never again
 * @param keyPrefix its first characters, to recognise it
 * @param name its name
 * @param description free text
 * @param enabled whether requests may use it
 * @param createdDate when it was created
 * @param lastUpdatedDate when it last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(
        String id,
        String value,
        String keyPrefix,
        String name,
        String description,
        boolean enabled,
        Instant createdDate,
        Instant lastUpdatedDate) {}
