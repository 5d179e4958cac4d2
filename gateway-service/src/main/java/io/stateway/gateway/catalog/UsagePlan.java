package io.stateway.gateway.catalog;

import java.util.List;
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

    /** A stage of an API. */
    public record ApiStage(String apiId, String stage) {}
}
