package io.stateway.gateway.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/** A stage: a name under which a deployment is served, with its settings. */
@Entity
@Table(name = "stage")
@IdClass(StageEntity.Key.class)
class StageEntity {

    @Id
    private String apiId;

    @Id
    private String name;

    private String deploymentId;
    private String description;
    private String variables;
    private Double throttlingRateLimit;
    private Integer throttlingBurstLimit;
    private boolean cacheEnabled;
    private int cacheTtlSeconds;
    private boolean cacheRequireAuthorization;
    private String cacheUnauthorizedStrategy;
    private String methodSettings;
    private String accessLogFormat;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected StageEntity() {}

    StageEntity(String apiId, String name, Instant now) {
        this.apiId = apiId;
        this.name = name;
        this.createdAt = now;
    }

    void apply(
            String deploymentId, StageSettings settings, String variablesJson, String methodSettingsJson, Instant now) {
        this.deploymentId = deploymentId;
        this.description = settings.description();
        this.variables = variablesJson;
        this.throttlingRateLimit = settings.throttling().rateLimit();
        this.throttlingBurstLimit = settings.throttling().burstLimit();
        this.cacheEnabled = settings.cache().enabled();
        this.cacheTtlSeconds = settings.cache().ttlSeconds();
        this.cacheRequireAuthorization = settings.cache().requireAuthorizationForCacheControl();
        this.cacheUnauthorizedStrategy =
                settings.cache().unauthorizedCacheControlHeaderStrategy().name();
        this.methodSettings = methodSettingsJson;
        this.accessLogFormat = settings.accessLogFormat();
        this.updatedAt = now;
    }

    void deploy(String deploymentId, Instant now) {
        this.deploymentId = deploymentId;
        this.updatedAt = now;
    }

    String apiId() {
        return apiId;
    }

    String name() {
        return name;
    }

    String deploymentId() {
        return deploymentId;
    }

    String description() {
        return description;
    }

    String variables() {
        return variables;
    }

    Double throttlingRateLimit() {
        return throttlingRateLimit;
    }

    Integer throttlingBurstLimit() {
        return throttlingBurstLimit;
    }

    boolean cacheEnabled() {
        return cacheEnabled;
    }

    int cacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    boolean cacheRequireAuthorization() {
        return cacheRequireAuthorization;
    }

    String cacheUnauthorizedStrategy() {
        return cacheUnauthorizedStrategy;
    }

    String methodSettings() {
        return methodSettings;
    }

    String accessLogFormat() {
        return accessLogFormat;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The composite primary key. */
    record Key(String apiId, String name) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
