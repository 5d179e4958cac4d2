package io.stateway.model.apikey;

import io.stateway.model.usage.QuotaPeriod;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every API key and usage plan, as the authorizer-service hands them to the gateway ({@code GET
 * /internal/v1/key-snapshot}): keys only as their {@link ApiKeyHmac}, never their value. The
 * gateway looks presented keys up in it in memory.
 *
 * @param revision moves whenever a key or plan changes
 * @param keys every key
 * @param plans every usage plan
 */
public record KeySnapshot(long revision, List<Key> keys, List<Plan> plans) {

    public KeySnapshot {
        keys = keys == null ? List.of() : List.copyOf(keys);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /**
     * @param id the key's id
     * @param hmac base64 of the key's {@link ApiKeyHmac}
     * @param enabled whether requests may use it
     * @param planIds the usage plans it belongs to
     */
    public record Key(String id, String hmac, boolean enabled, List<String> planIds) {
        public Key {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(hmac, "hmac");
            planIds = planIds == null ? List.of() : List.copyOf(planIds);
        }
    }

    /**
     * @param id the plan's id
     * @param name its name
     * @param throttle the steady rate and burst of each key, or null for none
     * @param quota requests per period of each key, or null for none
     * @param apiStages the API stages its keys may call
     */
    public record Plan(String id, String name, Throttle throttle, Quota quota, List<ApiStage> apiStages) {
        public Plan {
            Objects.requireNonNull(id, "id");
            apiStages = apiStages == null ? List.of() : List.copyOf(apiStages);
        }

        /** The stage entry of this plan for an API stage, if the plan covers it. */
        public Optional<ApiStage> stage(String apiId, String stage) {
            return apiStages.stream()
                    .filter(s -> s.apiId().equals(apiId) && s.stage().equals(stage))
                    .findFirst();
        }
    }

    /**
     * A token bucket, as AWS describes throttles.
     *
     * @param rateLimit steady requests per second; null: none
     * @param burstLimit bucket size; null: none
     */
    public record Throttle(Double rateLimit, Integer burstLimit) {}

    /**
     * @param limit requests per period
     * @param period the period
     * @param offset requests taken off the limit in the first period
     */
    public record Quota(int limit, QuotaPeriod period, int offset) {
        public Quota {
            Objects.requireNonNull(period, "period");
        }
    }

    /**
     * @param apiId the API
     * @param stage the stage
     * @param throttle per-method throttles keyed {@code "/resource/path/METHOD"} as AWS spells them
     *     ({@code "/pets/GET"}, {@code "/*}{@code /*"} for all); empty: the plan's throttle only
     */
    public record ApiStage(String apiId, String stage, Map<String, Throttle> throttle) {
        public ApiStage {
            Objects.requireNonNull(apiId, "apiId");
            Objects.requireNonNull(stage, "stage");
            throttle = throttle == null ? Map.of() : Map.copyOf(throttle);
        }
    }
}
