package io.stateway.authorizer.usageplan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A usage plan; its API stages are kept as AWS's JSON array, its keys in {@code usage_plan_key}. */
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
    private String apiStages;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "usage_plan_key", joinColumns = @JoinColumn(name = "usage_plan_id"))
    @Column(name = "api_key_id")
    private Set<String> apiKeyIds = new LinkedHashSet<>();

    protected UsagePlanEntity() {}

    UsagePlanEntity(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
    }

    void update(
            String newName,
            String newDescription,
            Double rateLimit,
            Integer burstLimit,
            Integer limit,
            String period,
            int offset,
            String stagesJson,
            Instant now) {
        this.name = newName;
        this.description = newDescription;
        this.throttleRateLimit = rateLimit;
        this.throttleBurstLimit = burstLimit;
        this.quotaLimit = limit;
        this.quotaPeriod = period;
        this.quotaOffset = offset;
        this.apiStages = stagesJson;
        this.updatedAt = now;
    }

    boolean addKey(String keyId, Instant now) {
        updatedAt = now;
        return apiKeyIds.add(keyId);
    }

    boolean removeKey(String keyId, Instant now) {
        updatedAt = now;
        return apiKeyIds.remove(keyId);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Double throttleRateLimit() {
        return throttleRateLimit;
    }

    Integer throttleBurstLimit() {
        return throttleBurstLimit;
    }

    Integer quotaLimit() {
        return quotaLimit;
    }

    String quotaPeriod() {
        return quotaPeriod;
    }

    int quotaOffset() {
        return quotaOffset;
    }

    String apiStages() {
        return apiStages;
    }

    Instant createdAt() {
        return createdAt;
    }

    Set<String> apiKeyIds() {
        return Set.copyOf(apiKeyIds);
    }
}
