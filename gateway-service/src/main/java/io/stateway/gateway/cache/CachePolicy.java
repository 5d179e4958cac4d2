package io.stateway.gateway.cache;

import io.stateway.gateway.catalog.StageSettings;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledMethod;
import io.stateway.gateway.routing.DeployedStage;
import java.util.Optional;

/**
 * Whether a request's response is cached, and for how long, as API Gateway decides it: the stage's cache
 * must be enabled; a method's own setting ({@code methodSettings["/path/METHOD"].cachingEnabled}, or the
 * {@code * /*} one) wins; without one, only GET requests are cached. A TTL of 0 caches nothing.
 *
 * @param ttlSeconds the entry's time to live
 * @param settings the stage's cache settings (invalidation rules)
 */
record CachePolicy(int ttlSeconds, StageSettings.CacheSettings settings) {

    static Optional<CachePolicy> of(Invocation invocation) {
        DeployedStage stage = invocation.stage().orElseThrow();
        StageSettings.CacheSettings cache = stage.settings().cache();
        if (!cache.enabled()) {
            return Optional.empty();
        }
        CompiledMethod method = invocation.method();
        Optional<StageSettings.MethodSetting> setting = stage.settings()
                .methodSetting(method.resource().path(), method.method().httpMethod());
        boolean enabled =
                setting.map(StageSettings.MethodSetting::cachingEnabled).orElse(null) instanceof Boolean own
                        ? own
                        : "GET".equals(invocation.request().httpMethod());
        int ttl = setting.map(StageSettings.MethodSetting::cacheTtlInSeconds).orElse(null) instanceof Integer own
                ? own
                : cache.ttlSeconds();
        return enabled && ttl > 0 ? Optional.of(new CachePolicy(ttl, cache)) : Optional.empty();
    }
}
