package io.stateway.orchestrator.api.statemachine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One configuration of a state machine (immutable once written). */
@Entity
@Table(name = "state_machine_revisions")
class RevisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "state_machine_name", nullable = false, updatable = false)
    private String stateMachineName;

    @Column(name = "revision_id", updatable = false)
    private String revisionId;

    @Column(nullable = false, updatable = false)
    private String definition;

    @Column(name = "role_arn", nullable = false, updatable = false)
    private String roleArn;

    @Column(name = "logging_configuration", nullable = false, updatable = false)
    private String loggingConfiguration;

    @Column(name = "tracing_enabled", nullable = false, updatable = false)
    private boolean tracingEnabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RevisionEntity() {}

    RevisionEntity(
            String stateMachineName,
            String revisionId,
            String definition,
            String roleArn,
            String loggingConfiguration,
            boolean tracingEnabled,
            Instant createdAt) {
        this.stateMachineName = stateMachineName;
        this.revisionId = revisionId;
        this.definition = definition;
        this.roleArn = roleArn;
        this.loggingConfiguration = loggingConfiguration;
        this.tracingEnabled = tracingEnabled;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String stateMachineName() {
        return stateMachineName;
    }

    String revisionId() {
        return revisionId;
    }

    String definition() {
        return definition;
    }

    String roleArn() {
        return roleArn;
    }

    String loggingConfiguration() {
        return loggingConfiguration;
    }

    boolean tracingEnabled() {
        return tracingEnabled;
    }

    Instant createdAt() {
        return createdAt;
    }
}
