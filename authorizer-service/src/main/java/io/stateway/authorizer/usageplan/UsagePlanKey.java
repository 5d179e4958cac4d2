package io.stateway.authorizer.usageplan;

import io.stateway.authorizer.apikey.ApiKey;

/**
 * A key of a usage plan, AWS's {@code UsagePlanKey} shape (never with the key's value).
 *
 * @param id the key's id
 * @param type always {@code API_KEY}
 * @param name the key's name
 */
public record UsagePlanKey(String id, String type, String name) {

    static UsagePlanKey of(ApiKey key) {
        return new UsagePlanKey(key.id(), "API_KEY", key.name());
    }
}
