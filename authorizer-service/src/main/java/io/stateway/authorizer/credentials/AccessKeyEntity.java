package io.stateway.authorizer.credentials;

import io.stateway.authorizer.secrets.SecretBox;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An IAM-style access key: its secret only sealed ({@link SecretBox}), its policies as JSON. */
@Entity
@Table(name = "access_key")
class AccessKeyEntity {

    @Id
    private String id;

    private String name;
    private byte[] secretNonce;
    private byte[] secretCiphertext;
    private boolean enabled;
    private String policies;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected AccessKeyEntity() {}

    AccessKeyEntity(String id, String name, SecretBox.Sealed secret, String policies, Instant now) {
        this.id = id;
        this.name = name;
        this.secretNonce = secret.nonce().clone();
        this.secretCiphertext = secret.ciphertext().clone();
        this.enabled = true;
        this.policies = policies;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String newName, boolean newEnabled, String newPolicies, Instant now) {
        this.name = newName;
        this.enabled = newEnabled;
        this.policies = newPolicies;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    SecretBox.Sealed secret() {
        return new SecretBox.Sealed(secretNonce.clone(), secretCiphertext.clone());
    }

    boolean enabled() {
        return enabled;
    }

    String policies() {
        return policies;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
