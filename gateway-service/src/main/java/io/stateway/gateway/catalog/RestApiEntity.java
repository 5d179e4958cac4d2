package io.stateway.gateway.catalog;

import io.stateway.gateway.api.openapi.DocumentFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An API: its current (draft) document. */
@Entity
@Table(name = "rest_api")
class RestApiEntity {

    @Id
    private String id;

    private String name;
    private String description;
    private String document;

    @Enumerated(EnumType.STRING)
    private DocumentFormat documentFormat;

    private String endpointType;

    @Column(name = "source_file")
    private String sourceFile;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected RestApiEntity() {}

    RestApiEntity(String id, String endpointType, String sourceFile, Instant now) {
        this.id = id;
        this.endpointType = endpointType;
        this.sourceFile = sourceFile;
        this.createdAt = now;
    }

    void setDocument(String name, String description, String document, DocumentFormat format, Instant now) {
        this.name = name;
        this.description = description;
        this.document = document;
        this.documentFormat = format;
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

    String document() {
        return document;
    }

    DocumentFormat documentFormat() {
        return documentFormat;
    }

    String endpointType() {
        return endpointType;
    }

    String sourceFile() {
        return sourceFile;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
