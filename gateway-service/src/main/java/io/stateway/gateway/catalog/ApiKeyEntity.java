package io.stateway.gateway.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An API key, stored as an HMAC of its value. */
@Entity
@Table(name = "api_key")
class ApiKeyEntity {

    @Id
    private String id;

    private String name;
    private byte[] keyHash;
    private String keyPrefix;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected ApiKeyEntity() {}

    ApiKeyEntity(String id, String name, byte[] keyHash, String keyPrefix, boolean enabled, Instant now) {
        this.id = id;
        this.name = name;
        this.keyHash = keyHash.clone();
        this.keyPrefix = keyPrefix;
        this.enabled = enabled;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String newName, boolean newEnabled, Instant now) {
        this.name = newName;
        this.enabled = newEnabled;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    byte[] keyHash() {
        return keyHash.clone();
    }

    String keyPrefix() {
        return keyPrefix;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
