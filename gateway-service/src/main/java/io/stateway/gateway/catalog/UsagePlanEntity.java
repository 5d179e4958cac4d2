package io.stateway.gateway.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A usage plan: the stages it covers and the keys that belong to it. */
@Entity
@Table(name = "usage_plan")
class UsagePlanEntity {

    @Id
    private String id;

    private String name;
    private String description;
    private Double throttleRateLimit;
    private Integer throttleBurstLimit;
    private Integer quotaLimit;
    private String quotaPeriod;
    private int quotaOffset;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "usage_plan_stage", joinColumns = @JoinColumn(name = "usage_plan_id"))
    private Set<ApiStage> apiStages = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "usage_plan_key", joinColumns = @JoinColumn(name = "usage_plan_id"))
    @Column(name = "api_key_id")
    private Set<String> apiKeyIds = new LinkedHashSet<>();

    protected UsagePlanEntity() {}

    UsagePlanEntity(String id, UsagePlan plan, Instant now) {
        this.id = id;
        this.createdAt = now;
        update(plan, now);
    }

    void update(UsagePlan plan, Instant now) {
        this.name = plan.name();
        this.description = plan.description();
        this.throttleRateLimit = plan.throttle().rateLimit();
        this.throttleBurstLimit = plan.throttle().burstLimit();
        this.quotaLimit = plan.quota().map(UsagePlan.Quota::limit).orElse(null);
        this.quotaPeriod = plan.quota().map(q -> q.period().name()).orElse(null);
        this.quotaOffset = plan.quota().map(UsagePlan.Quota::offset).orElse(0);
        this.apiStages.clear();
        plan.apiStages().forEach(s -> apiStages.add(new ApiStage(s.apiId(), s.stage(), s.throttle())));
        this.updatedAt = now;
    }

    void addKey(String keyId, Instant now) {
        apiKeyIds.add(keyId);
        updatedAt = now;
    }

    boolean removeKey(String keyId, Instant now) {
        updatedAt = now;
        return apiKeyIds.remove(keyId);
    }

    String id() {
        return id;
    }

    Set<String> apiKeyIds() {
        return Set.copyOf(apiKeyIds);
    }

    UsagePlan toPlan() {
        return new UsagePlan(
                name,
                description,
                new StageSettings.Throttling(throttleRateLimit, throttleBurstLimit),
                quotaLimit == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(
                                new UsagePlan.Quota(quotaLimit, UsagePlan.Period.valueOf(quotaPeriod), quotaOffset)),
                apiStages.stream()
                        .map(s -> new UsagePlan.ApiStage(s.apiId, s.stageName, s.methodThrottles))
                        .toList());
    }

    /** A stage of an API the plan covers. */
    @Embeddable
    static class ApiStage {
        private String apiId;
        private String stageName;

        @Convert(converter = MethodThrottlesConverter.class)
        private Map<String, StageSettings.Throttling> methodThrottles = Map.of();

        protected ApiStage() {}

        ApiStage(String apiId, String stageName, Map<String, StageSettings.Throttling> methodThrottles) {
            this.apiId = apiId;
            this.stageName = stageName;
            this.methodThrottles = methodThrottles;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ApiStage that && apiId.equals(that.apiId) && stageName.equals(that.stageName);
        }

        @Override
        public int hashCode() {
            return apiId.hashCode() * 31 + stageName.hashCode();
        }
    }
}
