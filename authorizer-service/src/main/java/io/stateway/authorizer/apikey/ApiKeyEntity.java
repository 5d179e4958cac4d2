package io.stateway.authorizer.apikey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An API key, held only as the HMAC of its value. */
@Entity
@Table(name = "api_key")
class ApiKeyEntity {

    @Id
    private String id;

    private String name;
    private String description;
    private byte[] keyHash;
    private String keyPrefix;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected ApiKeyEntity() {}

    ApiKeyEntity(String id, String name, String description, boolean enabled, Instant now) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.enabled = enabled;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void value(byte[] hash, String prefix, Instant now) {
        this.keyHash = hash.clone();
        this.keyPrefix = prefix;
        this.updatedAt = now;
    }

    void update(String newName, String newDescription, boolean newEnabled, Instant now) {
        this.name = newName;
        this.description = newDescription;
        this.enabled = newEnabled;
        this.updatedAt = now;
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
