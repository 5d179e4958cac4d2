package io.stateway.orchestrator.api.statemachine;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A named pointer to one or two versions of a state machine, with the weight of each. */
@Entity
@Table(name = "state_machine_aliases")
class AliasEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "state_machine", nullable = false, updatable = false)
    private Long stateMachine;

    @Column(nullable = false, updatable = false)
    private String name;

    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "state_machine_alias_routes", joinColumns = @JoinColumn(name = "alias"))
    @OrderColumn(name = "position")
    private List<Route> routes = new ArrayList<>();

    @Column(name = "creation_date", nullable = false, updatable = false)
    private Instant creationDate;

    @Column(name = "update_date", nullable = false)
    private Instant updateDate;

    protected AliasEntity() {}

    AliasEntity(Long stateMachine, String name, String description, List<Route> routes, Instant creationDate) {
        this.stateMachine = stateMachine;
        this.name = name;
        this.description = description;
        this.routes = new ArrayList<>(routes);
        this.creationDate = creationDate;
        this.updateDate = creationDate;
    }

    Long id() {
        return id;
    }

    Long stateMachine() {
        return stateMachine;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Instant creationDate() {
        return creationDate;
    }

    Instant updateDate() {
        return updateDate;
    }

    void update(String newDescription, List<Route> newRoutes, Instant when) {
        if (newDescription != null) {
            this.description = newDescription;
        }
        if (newRoutes != null) {
            this.routes.clear();
            this.routes.addAll(newRoutes);
        }
        this.updateDate = when;
    }

    /** One route: a version (by row id) and its weight. */
    @Embeddable
    record Route(
            @Column(name = "version", nullable = false) Long version,
            @Column(nullable = false) int weight) {}
}
