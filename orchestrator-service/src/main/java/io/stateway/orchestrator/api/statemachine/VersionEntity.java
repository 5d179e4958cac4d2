package io.stateway.orchestrator.api.statemachine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published, immutable version of a state machine: a number pointing at a revision. */
@Entity
@Table(name = "state_machine_versions")
class VersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "state_machine", nullable = false, updatable = false)
    private Long stateMachine;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Column(nullable = false, updatable = false)
    private Long revision;

    @Column(updatable = false)
    private String description;

    @Column(name = "creation_date", nullable = false, updatable = false)
    private Instant creationDate;

    protected VersionEntity() {}

    VersionEntity(Long stateMachine, int versionNumber, Long revision, String description, Instant creationDate) {
        this.stateMachine = stateMachine;
        this.versionNumber = versionNumber;
        this.revision = revision;
        this.description = description;
        this.creationDate = creationDate;
    }

    Long id() {
        return id;
    }

    Long stateMachine() {
        return stateMachine;
    }

    int versionNumber() {
        return versionNumber;
    }

    Long revision() {
        return revision;
    }

    String description() {
        return description;
    }

    Instant creationDate() {
        return creationDate;
    }
}
