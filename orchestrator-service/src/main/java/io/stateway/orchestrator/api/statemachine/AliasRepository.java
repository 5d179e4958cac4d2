package io.stateway.orchestrator.api.statemachine;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AliasRepository extends JpaRepository<AliasEntity, Long> {

    Optional<AliasEntity> findByStateMachineAndName(Long stateMachine, String name);

    long countByStateMachine(Long stateMachine);

    List<AliasEntity> findByStateMachineOrderByIdAsc(Long stateMachine, Limit limit);

    List<AliasEntity> findByStateMachineAndIdGreaterThanOrderByIdAsc(Long stateMachine, Long afterId, Limit limit);

    /** Deletes a machine's aliases; the database cascades to their routes. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from AliasEntity a where a.stateMachine = :stateMachine")
    void deleteAllOf(Long stateMachine);

    /** The names of the aliases that route to a version. */
    @Query("select a.name from AliasEntity a join a.routes r where r.version = :version order by a.name")
    List<String> namesRoutingTo(Long version);
}
