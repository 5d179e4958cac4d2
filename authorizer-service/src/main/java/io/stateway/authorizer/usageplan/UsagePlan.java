package io.stateway.authorizer.usageplan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stateway.model.apikey.KeySnapshot.ApiStage;
import io.stateway.model.apikey.KeySnapshot.Quota;
import io.stateway.model.apikey.KeySnapshot.Throttle;
import java.util.List;

/**
 * A usage plan in AWS's {@code UsagePlan} shape: {@code {"id", "name", "description", "throttle":
 * {"rateLimit", "burstLimit"}, "quota": {"limit", "period", "offset"}, "apiStages": [{"apiId",
 * "stage", "throttle": {"/pets/GET": {...}}}]}}; the same shape is the input of create and update
 * (without {@code id}).
 *
 * @param id its id (ignored on input)
 * @param name its name
 * @param description free text
 * @param throttle each key's token bucket; null: none
 * @param quota each key's requests per period; null: none
 * @param apiStages the API stages its keys may call, with per-method throttles
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsagePlan(
        String id, String name, String description, Throttle throttle, Quota quota, List<ApiStage> apiStages) {

    public UsagePlan {
        apiStages = apiStages == null ? List.of() : List.copyOf(apiStages);
    }
}
