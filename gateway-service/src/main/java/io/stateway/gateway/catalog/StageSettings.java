package io.stateway.gateway.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * What a stage adds to the deployment it serves.
 *
 * @param description free text
 * @param variables stage variables ({@code $stageVariables}, {@code ${stageVariables.x}} in URIs)
 * @param throttling default request rate and burst of each of the stage's methods (each method has a
 *     bucket of its own, as on AWS)
 * @param cache the stage's response cache
 * @param methodSettings per-method overrides keyed by {@code <resource path>/<METHOD>}, e.g.
 *     {@code /pets/GET}, or {@code * /*} for all (written without the space)
 * @param accessLogFormat the access log line in AWS's {@code $context} format; null for the default
 */
public record StageSettings(
        String description,
        Map<String, String> variables,
        Throttling throttling,
        CacheSettings cache,
        Map<String, MethodSetting> methodSettings,
        String accessLogFormat) {

    public static final StageSettings DEFAULT =
            new StageSettings("", Map.of(), Throttling.NONE, CacheSettings.DISABLED, Map.of(), null);

    public StageSettings {
        description = description == null ? "" : description;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        throttling = throttling == null ? Throttling.NONE : throttling;
        cache = cache == null ? CacheSettings.DISABLED : cache;
        methodSettings = methodSettings == null ? Map.of() : Map.copyOf(methodSettings);
    }

    /** The same settings with other variables. */
    public StageSettings withVariables(Map<String, String> newVariables) {
        return new StageSettings(description, newVariables, throttling, cache, methodSettings, accessLogFormat);
    }

    /** The method setting for a method, the {@code * /*} one otherwise. */
    public Optional<MethodSetting> methodSetting(String resourcePath, String httpMethod) {
        MethodSetting exact = methodSettings.get(resourcePath + "/" + httpMethod);
        return Optional.ofNullable(exact != null ? exact : methodSettings.get("*/*"));
    }

    /**
     * The throttle of one method: its method setting's (or the {@code * /*} one's) where that sets one,
     * else the stage's default.
     */
    public Throttling throttling(String resourcePath, String httpMethod) {
        return methodSetting(resourcePath, httpMethod)
                .map(setting -> new Throttling(
                        setting.throttlingRateLimit() != null ? setting.throttlingRateLimit() : throttling.rateLimit(),
                        setting.throttlingBurstLimit() != null
                                ? setting.throttlingBurstLimit()
                                : throttling.burstLimit()))
                .orElse(throttling);
    }

    /**
     * @param rateLimit steady requests per second, null for none
     * @param burstLimit bucket size, null for none
     */
    public record Throttling(Double rateLimit, Integer burstLimit) {
        public static final Throttling NONE = new Throttling(null, null);

        /** Whether this limits anything: a rate and a burst are both set (AWS needs both to throttle). */
        public boolean limits() {
            return rateLimit != null && burstLimit != null;
        }
    }

    /**
     * @param enabled whether the stage caches responses
     * @param ttlSeconds default time to live of an entry, 0 to 3600 (AWS's default 300)
     * @param requireAuthorizationForCacheControl whether {@code Cache-Control: max-age=0} needs an
     *     authorised caller to invalidate an entry
     * @param unauthorizedCacheControlHeaderStrategy what an unauthorised invalidation gets
     */
    public record CacheSettings(
            boolean enabled,
            int ttlSeconds,
            boolean requireAuthorizationForCacheControl,
            UnauthorizedCacheControlStrategy unauthorizedCacheControlHeaderStrategy) {

        public static final int DEFAULT_TTL_SECONDS = 300;
        public static final CacheSettings DISABLED =
                new CacheSettings(false, DEFAULT_TTL_SECONDS, true, UnauthorizedCacheControlStrategy.FAIL_WITH_403);

        public CacheSettings {
            if (ttlSeconds < 0 || ttlSeconds > 3600) {
                throw new IllegalArgumentException("cache ttlSeconds must be between 0 and 3600, was " + ttlSeconds);
            }
            unauthorizedCacheControlHeaderStrategy = unauthorizedCacheControlHeaderStrategy == null
                    ? UnauthorizedCacheControlStrategy.FAIL_WITH_403
                    : unauthorizedCacheControlHeaderStrategy;
        }
    }

    /**
     * @param cachingEnabled caches this method's responses (AWS caches GET only unless a method enables it)
     * @param cacheTtlInSeconds this method's TTL, null for the stage's
     * @param throttlingRateLimit this method's steady rate, null for the stage's
     * @param throttlingBurstLimit this method's burst, null for the stage's
     */
    public record MethodSetting(
            Boolean cachingEnabled,
            Integer cacheTtlInSeconds,
            Double throttlingRateLimit,
            Integer throttlingBurstLimit) {

        public MethodSetting(Boolean cachingEnabled, Integer cacheTtlInSeconds) {
            this(cachingEnabled, cacheTtlInSeconds, null, null);
        }

        public MethodSetting {
            if (cacheTtlInSeconds != null && (cacheTtlInSeconds < 0 || cacheTtlInSeconds > 3600)) {
                throw new IllegalArgumentException(
                        "cacheTtlInSeconds must be between 0 and 3600, was " + cacheTtlInSeconds);
            }
        }
    }

    /** What a {@code Cache-Control: max-age=0} request from a caller who may not invalidate gets. */
    public enum UnauthorizedCacheControlStrategy {
        FAIL_WITH_403,
        SUCCEED_WITH_RESPONSE_HEADER,
        SUCCEED_WITHOUT_RESPONSE_HEADER
    }
}
