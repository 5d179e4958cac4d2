package io.stateway.orchestrator.api.function;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A function registered through the API. */
@Entity
@Table(name = "functions")
class FunctionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "function_key", nullable = false, updatable = false)
    private String functionKey;

    @Column(nullable = false)
    private String url;

    /** {@code null}: the task's own timeout. */
    @Column(name = "timeout_millis")
    private Long timeoutMillis;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FunctionEntity() {}

    FunctionEntity(String functionKey, String url, Long timeoutMillis, Instant now) {
        this.functionKey = functionKey;
        this.url = url;
        this.timeoutMillis = timeoutMillis;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String functionKey() {
        return functionKey;
    }

    String url() {
        return url;
    }

    Long timeoutMillis() {
        return timeoutMillis;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void change(String newUrl, Long newTimeoutMillis, Instant now) {
        this.url = newUrl;
        this.timeoutMillis = newTimeoutMillis;
        this.updatedAt = now;
    }
}
