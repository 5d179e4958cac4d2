package io.stateway.orchestrator.api.statemachine;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RevisionRepository extends JpaRepository<RevisionEntity, Long> {

    /** The newest revision of a machine with this definition that existed at {@code when}. */
    Optional<RevisionEntity>
            findFirstByStateMachineNameAndDefinitionAndCreatedAtLessThanEqualOrderByCreatedAtDescIdDesc(
                    String stateMachineName, String definition, Instant when);

    Optional<RevisionEntity> findFirstByStateMachineNameAndDefinitionOrderByCreatedAtDescIdDesc(
            String stateMachineName, String definition);
}
