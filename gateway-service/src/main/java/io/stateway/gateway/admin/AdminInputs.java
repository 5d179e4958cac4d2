package io.stateway.gateway.admin;

import io.stateway.gateway.catalog.StageSettings;
import java.util.Map;

/** Request bodies of the admin API. Absent fields take the defaults AWS uses. */
final class AdminInputs {

    private AdminInputs() {}

    record Deployment(String stageName, String description, Map<String, String> variables) {}

    record Stage(
            String deploymentId,
            String description,
            Map<String, String> variables,
            StageSettings.Throttling throttling,
            Cache cache,
            Map<String, StageSettings.MethodSetting> methodSettings,
            String accessLogFormat) {

        StageSettings settings() {
            return new StageSettings(
                    description,
                    variables,
                    throttling,
                    cache == null ? StageSettings.CacheSettings.DISABLED : cache.settings(),
                    methodSettings,
                    accessLogFormat);
        }
    }

    record Cache(
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
