package io.stateway.gateway.catalog;

import java.util.Map;

/**
 * A stage's settings as the admin API and API files write them; absent fields take the defaults AWS
 * uses.
 */
public record StageInput(
        String description,
        Map<String, String> variables,
        StageSettings.Throttling throttling,
        Cache cache,
        Map<String, StageSettings.MethodSetting> methodSettings,
        String accessLogFormat) {

    public StageSettings settings() {
        return new StageSettings(
                description,
                variables,
                throttling,
                cache == null ? StageSettings.CacheSettings.DISABLED : cache.settings(),
                methodSettings,
                accessLogFormat);
    }

    public record Cache(
            Boolean enabled,
            Integer ttlSeconds,
            Boolean requireAuthorizationForCacheControl,
            StageSettings.UnauthorizedCacheControlStrategy unauthorizedCacheControlHeaderStrategy) {

        StageSettings.CacheSettings settings() {
            return new StageSettings.CacheSettings(
                    enabled != null && enabled,
                    ttlSeconds == null ? StageSettings.CacheSettings.DEFAULT_TTL_SECONDS : ttlSeconds,
                    requireAuthorizationForCacheControl == null || requireAuthorizationForCacheControl,
                    unauthorizedCacheControlHeaderStrategy);
        }
    }
}
