package io.stateway.authorizer.usageplan;

import io.stateway.model.apikey.KeySnapshot;
import io.stateway.model.apikey.KeySnapshot.ApiStage;
import io.stateway.model.apikey.KeySnapshot.Quota;
import io.stateway.model.apikey.KeySnapshot.Throttle;
import io.stateway.model.usage.QuotaPeriod;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Between the usage plan rows and their API shapes. */
@Component
class UsagePlanCodec {

    private static final TypeReference<List<ApiStage>> STAGES = new TypeReference<>() {};

    private final JsonMapper json;

    UsagePlanCodec(JsonMapper json) {
        this.json = json;
    }

    String stages(List<ApiStage> stages) {
        return json.writeValueAsString(stages);
    }

    UsagePlan plan(UsagePlanEntity entity) {
        return new UsagePlan(
                entity.id(), entity.name(), entity.description(), throttle(entity), quota(entity), stages(entity));
    }

    KeySnapshot.Plan snapshot(UsagePlanEntity entity) {
        return new KeySnapshot.Plan(entity.id(), entity.name(), throttle(entity), quota(entity), stages(entity));
    }

    List<ApiStage> stages(UsagePlanEntity entity) {
        return json.readValue(entity.apiStages(), STAGES);
    }

    static Quota quota(UsagePlanEntity entity) {
        return entity.quotaLimit() == null
                ? null
                : new Quota(entity.quotaLimit(), QuotaPeriod.valueOf(entity.quotaPeriod()), entity.quotaOffset());
    }

    private static Throttle throttle(UsagePlanEntity entity) {
        return entity.throttleRateLimit() == null && entity.throttleBurstLimit() == null
                ? null
                : new Throttle(entity.throttleRateLimit(), entity.throttleBurstLimit());
    }
}
