package io.stateway.orchestrator.api.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "activities")
class ActivityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "encryption_configuration", updatable = false)
    private String encryptionConfiguration;

    @Column(name = "creation_date", nullable = false, updatable = false)
    private Instant creationDate;

    protected ActivityEntity() {}

    ActivityEntity(String name, String encryptionConfiguration, Instant creationDate) {
        this.name = name;
        this.encryptionConfiguration = encryptionConfiguration;
        this.creationDate = creationDate;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String encryptionConfiguration() {
        return encryptionConfiguration;
    }

    Instant creationDate() {
        return creationDate;
    }
}
