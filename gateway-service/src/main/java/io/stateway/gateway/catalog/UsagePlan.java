package io.stateway.gateway.catalog;

import io.stateway.model.apikey.KeySnapshot;
import io.stateway.model.usage.QuotaPeriod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A usage plan as the admin API describes it.
 *
 * @param name its name
 * @param description free text
 * @param throttle steady rate and burst per key (enforced by the throttling filter once it exists)
 * @param quota requests per period per key (idem)
 * @param apiStages the stages whose API-key methods accept this plan's keys
 */
public record UsagePlan(
        String name,
        String description,
        StageSettings.Throttling throttle,
        Optional<Quota> quota,
        List<ApiStage> apiStages) {

    public UsagePlan {
        description = description == null ? "" : description;
        throttle = throttle == null ? StageSettings.Throttling.NONE : throttle;
        quota = quota == null ? Optional.empty() : quota;
        apiStages = apiStages == null ? List.of() : List.copyOf(apiStages);
    }

    /** The plan as the authorizer-service hands plans to the gateway (what the data plane meters against). */
    public KeySnapshot.Plan toWire(String planId) {
        return new KeySnapshot.Plan(
                planId,
                name,
                wire(throttle),
                quota.map(q -> new KeySnapshot.Quota(
                                q.limit(), QuotaPeriod.valueOf(q.period().name()), q.offset()))
                        .orElse(null),
                apiStages.stream()
                        .map(s -> {
                            Map<String, KeySnapshot.Throttle> methods = new LinkedHashMap<>();
                            s.throttle().forEach((method, t) -> methods.put(method, wire(t)));
                            return new KeySnapshot.ApiStage(s.apiId(), s.stage(), methods);
                        })
                        .toList());
    }

    private static KeySnapshot.Throttle wire(StageSettings.Throttling throttling) {
        return throttling.rateLimit() == null && throttling.burstLimit() == null
                ? null
                : new KeySnapshot.Throttle(throttling.rateLimit(), throttling.burstLimit());
    }

    /** The period a quota counts over. */
    public enum Period {
        DAY,
        WEEK,
        MONTH
    }

    /**
     * @param limit requests per period
     * @param period the period
     * @param offset requests already counted at the start of the first period
     */
    public record Quota(int limit, Period period, int offset) {}

    /**
     * A stage of an API.
     *
     * @param apiId the API
     * @param stage the stage's name
     * @param throttle per-method throttles for this plan's keys, keyed {@code <resource path>/<METHOD>} as
     *     AWS keys them (e.g. {@code /pets/GET}); they apply on top of the plan's own throttle
     */
    public record ApiStage(String apiId, String stage, Map<String, StageSettings.Throttling> throttle) {

        public ApiStage {
            throttle = throttle == null ? Map.of() : Map.copyOf(throttle);
        }

        public ApiStage(String apiId, String stage) {
            this(apiId, stage, Map.of());
        }
    }
}
