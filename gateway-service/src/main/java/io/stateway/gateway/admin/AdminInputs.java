package io.stateway.gateway.admin;

import io.stateway.gateway.catalog.StageSettings;
import io.stateway.gateway.catalog.UsagePlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    record ApiKey(String name, String value, Boolean enabled) {}

    record Quota(Integer limit, UsagePlan.Period period, Integer offset) {}

    record Plan(
            String name,
            String description,
            StageSettings.Throttling throttle,
            Quota quota,
            List<UsagePlan.ApiStage> apiStages) {

        UsagePlan plan() {
            Optional<UsagePlan.Quota> limits = quota == null || quota.limit() == null
                    ? Optional.empty()
                    : Optional.of(new UsagePlan.Quota(
                            quota.limit(),
                            quota.period() == null ? UsagePlan.Period.DAY : quota.period(),
                            quota.offset() == null ? 0 : quota.offset()));
            return new UsagePlan(name == null ? "" : name, description, throttle, limits, apiStages);
        }
    }

    record PlanKey(String keyId) {}
}
