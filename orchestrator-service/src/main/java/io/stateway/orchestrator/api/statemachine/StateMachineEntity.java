package io.stateway.orchestrator.api.statemachine;

import io.stateway.model.StateMachineType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A state machine: its name, type and current revision, and the number its next version gets. */
@Entity
@Table(name = "state_machines")
class StateMachineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private StateMachineType type;

    @Column(name = "current_revision", nullable = false)
    private Long currentRevision;

    @Column(name = "encryption_configuration")
    private String encryptionConfiguration;

    @Column(name = "next_version", nullable = false)
    private int nextVersion;

    @Column(name = "creation_date", nullable = false, updatable = false)
    private Instant creationDate;

    protected StateMachineEntity() {}

    StateMachineEntity(
            String name,
            StateMachineType type,
            Long currentRevision,
            String encryptionConfiguration,
            Instant creationDate) {
        this.name = name;
        this.type = type;
        this.currentRevision = currentRevision;
        this.encryptionConfiguration = encryptionConfiguration;
        this.nextVersion = 1;
        this.creationDate = creationDate;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    StateMachineType type() {
        return type;
    }

    Long currentRevision() {
        return currentRevision;
    }

    void moveTo(Long revision) {
        this.currentRevision = revision;
    }

    String encryptionConfiguration() {
        return encryptionConfiguration;
    }

    void encryptWith(String encryptionConfiguration) {
        this.encryptionConfiguration = encryptionConfiguration;
    }

    /** Hands out the next version number; numbers are never reused, even after deletions. */
    int takeVersionNumber() {
        return nextVersion++;
    }

    Instant creationDate() {
        return creationDate;
    }
}
