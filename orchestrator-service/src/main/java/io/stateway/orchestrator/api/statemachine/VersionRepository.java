package io.stateway.orchestrator.api.statemachine;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface VersionRepository extends JpaRepository<VersionEntity, Long> {

    Optional<VersionEntity> findByStateMachineAndVersionNumber(Long stateMachine, int versionNumber);

    Optional<VersionEntity> findFirstByStateMachineAndRevisionOrderByVersionNumberDesc(
            Long stateMachine, Long revision);

    long countByStateMachine(Long stateMachine);

    List<VersionEntity> findByStateMachineOrderByVersionNumberDesc(Long stateMachine, Limit limit);

    List<VersionEntity> findByStateMachineAndVersionNumberLessThanOrderByVersionNumberDesc(
            Long stateMachine, int beforeNumber, Limit limit);
}
