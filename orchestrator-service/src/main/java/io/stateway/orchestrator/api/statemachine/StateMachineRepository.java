package io.stateway.orchestrator.api.statemachine;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StateMachineRepository extends JpaRepository<StateMachineEntity, Long> {

    Optional<StateMachineEntity> findByName(String name);

    /** The row locked for this transaction: changes to one machine (revisions, versions, aliases) are serialised. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StateMachineEntity s where s.name = :name")
    Optional<StateMachineEntity> lockByName(String name);

    List<StateMachineEntity> findAllByOrderByNameAsc(Limit limit);

    List<StateMachineEntity> findByNameGreaterThanOrderByNameAsc(String afterName, Limit limit);

    /** Deletes the machine; the database cascades to its versions (its aliases must be deleted first). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from StateMachineEntity s where s.id = :id")
    void deleteNow(Long id);
}
