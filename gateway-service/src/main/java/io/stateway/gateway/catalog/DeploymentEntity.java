package io.stateway.gateway.catalog;

import io.stateway.gateway.api.openapi.DocumentFormat;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A deployment: an immutable snapshot of an API's document. */
@Entity
@Table(name = "deployment")
class DeploymentEntity {

    @Id
    private String id;

    private String apiId;
    private String description;
    private String document;

    @Enumerated(EnumType.STRING)
    private DocumentFormat documentFormat;

    private Instant createdAt;

    protected DeploymentEntity() {}

    DeploymentEntity(String id, String apiId, String description, String document, DocumentFormat format, Instant now) {
        this.id = id;
        this.apiId = apiId;
        this.description = description;
        this.document = document;
        this.documentFormat = format;
        this.createdAt = now;
    }

    String id() {
        return id;
    }

    String apiId() {
        return apiId;
    }

    String description() {
        return description;
    }

    String document() {
        return document;
    }

    DocumentFormat documentFormat() {
        return documentFormat;
    }

    Instant createdAt() {
        return createdAt;
    }
}
